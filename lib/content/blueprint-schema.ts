import { z } from "zod";

const CountRangeSchema = z.strictObject({
  min: z.number().int().min(1),
  max: z.number().int().min(1).optional(),
});

/** An exam's blueprint: everything the app needs to know about the exam. */
export const BlueprintSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  questionCount: z.number().int().min(1),
  scoredCount: z.number().int().min(1),
  unscoredCount: z.number().int().min(0),
  durationMinutes: z.number().int().min(1),
  score: z.strictObject({
    min: z.number().int(),
    max: z.number().int(),
    pass: z.number().int(),
  }),
  responseTypes: z.strictObject({
    "multiple-choice": z.strictObject({
      keys: CountRangeSchema,
      options: CountRangeSchema,
    }),
    "multiple-response": z.strictObject({
      keys: CountRangeSchema,
      options: CountRangeSchema,
    }),
  }),
  domains: z
    .array(
      z.strictObject({
        number: z.number().int().min(1),
        title: z.string().min(1),
        weight: z.number().min(0).max(100),
        tasks: z
          .array(
            z.strictObject({
              id: z.string().regex(/^\d+\.\d+$/),
              title: z.string().min(1),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

export type Blueprint = z.infer<typeof BlueprintSchema>;
export type CountRange = z.infer<typeof CountRangeSchema>;
export type ResponseType = keyof Blueprint["responseTypes"];
