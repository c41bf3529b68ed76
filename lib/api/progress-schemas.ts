import { z } from "zod";

import { ExamHistorySchema, ScoreScaleSchema } from "@/lib/api/exam-schemas";

const TallySchema = z.object({
  /** Questions in the bank. */
  questions: z.number(),
  /** Distinct questions answered at least once. */
  seen: z.number(),
  /** Distinct questions whose latest answer was right. */
  mastered: z.number(),
  attempts: z.number(),
  correct: z.number(),
});

export const ProgressSchema = z.object({
  examCode: z.string(),
  examTitle: z.string(),
  passMark: z.number(),
  scale: ScoreScaleSchema,
  examDate: z.string().nullable(),
  domains: z.array(
    TallySchema.extend({
      number: z.number(),
      title: z.string(),
      weight: z.number(),
    }),
  ),
  tasks: z.array(
    TallySchema.extend({
      id: z.string(),
      title: z.string(),
      domain: z.number(),
    }),
  ),
  activity: z.array(
    z.object({ day: z.string(), answered: z.number(), correct: z.number() }),
  ),
  streak: z.object({ current: z.number(), longest: z.number() }),
  readiness: z.object({
    answered: z.number(),
    estimate: z.number(),
    low: z.number(),
    high: z.number(),
    passProbability: z.number(),
    sentence: z.string(),
  }),
  bookmarks: z.array(
    z.object({ id: z.string(), task: z.string(), summary: z.string() }),
  ),
  exams: ExamHistorySchema,
  reviewDue: z.number(),
});

export type Progress = z.infer<typeof ProgressSchema>;
