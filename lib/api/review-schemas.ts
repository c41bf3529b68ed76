import { z } from "zod";

export const ReviewQueueSchema = z.object({
  examDate: z.string().nullable(),
  due: z.array(
    z.object({
      questionId: z.string(),
      order: z.array(z.string()),
      recall: z.number(),
    }),
  ),
  total: z.number(),
  dueThisWeek: z.number(),
});

export type ReviewQueue = z.infer<typeof ReviewQueueSchema>;
