import { z } from "zod";

export const DRILL_SIZES = [10, 20, 50] as const;

/** What a learner asks a drill for; every field narrows the choice. */
export const DrillFiltersSchema = z.strictObject({
  domain: z.number().int().min(1).optional(),
  task: z
    .string()
    .regex(/^\d+\.\d+$/, 'must look like "1.3"')
    .optional(),
  service: z.string().min(1).max(100).optional(),
  difficulty: z.enum(["easy", "medium", "hard"]).optional(),
  status: z.enum(["all", "unseen", "missed", "bookmarked"]).default("all"),
  count: z
    .union([...DRILL_SIZES.map((n) => z.literal(n)), z.literal("all")], {
      error: 'must be 10, 20, 50 or "all"',
    })
    .default(10),
});

export type DrillFilters = z.infer<typeof DrillFiltersSchema>;
