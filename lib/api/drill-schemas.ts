import { z } from "zod";

export const DrillViewSchema = z.object({
  id: z.string(),
  position: z.number(),
  total: z.number(),
  finished: z.boolean(),
  answeredCount: z.number(),
  correctCount: z.number(),
  current: z
    .object({
      questionId: z.string(),
      order: z.array(z.string()),
      correct: z.boolean().nullable(),
    })
    .nullable(),
});

export type DrillView = z.infer<typeof DrillViewSchema>;

export const CurrentDrillSchema = z.object({
  drill: DrillViewSchema.nullable(),
  bookmarks: z.array(z.string()),
});

export const StartedDrillSchema = z.object({
  drill: DrillViewSchema,
  matched: z.number(),
});

export const NextDrillSchema = z.object({ drill: DrillViewSchema });
