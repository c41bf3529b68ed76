import { z } from "zod";

import { PublicQuestionSchema } from "@/lib/api/question-schemas";
import { AnswerKeySchema } from "@/lib/questions/answer-result-schema";

const StatusSchema = z.enum(["in-progress", "submitted", "expired"]);

export const ExamAnswerSchema = z.object({
  chosen: z.array(z.string()),
  flagged: z.boolean(),
});

export const ExamViewSchema = z.object({
  id: z.string(),
  examCode: z.string(),
  title: z.string(),
  status: StatusSchema,
  length: z.number(),
  shortened: z.boolean(),
  durationMinutes: z.number(),
  startedAt: z.number(),
  deadlineAt: z.number(),
  serverNow: z.number(),
  questions: z.array(z.object({ id: z.string(), order: z.array(z.string()) })),
  answers: z.record(z.string(), ExamAnswerSchema),
});

export type ExamView = z.infer<typeof ExamViewSchema>;

const BreakdownSchema = z.object({
  correct: z.number(),
  total: z.number(),
  percent: z.number(),
});

export const ExamScoreSchema = BreakdownSchema.extend({
  scaled: z.number(),
  passed: z.boolean(),
  domains: z.array(
    BreakdownSchema.extend({
      number: z.number(),
      title: z.string(),
      weight: z.number(),
    }),
  ),
  tasks: z.array(
    BreakdownSchema.extend({
      id: z.string(),
      title: z.string(),
      domain: z.number(),
    }),
  ),
});

/** The blueprint's score scale, and the share correct its pass mark needs. */
export const ScoreScaleSchema = z.object({
  min: z.number(),
  max: z.number(),
  passPercent: z.number(),
});

export const ExamResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: StatusSchema,
  shortened: z.boolean(),
  startedAt: z.number(),
  passMark: z.number().nullable(),
  scale: ScoreScaleSchema.nullable(),
  score: ExamScoreSchema,
  items: z.array(
    z.object({
      question: PublicQuestionSchema,
      order: z.array(z.string()),
      chosen: z.array(z.string()),
      flagged: z.boolean(),
      correct: z.boolean(),
      key: AnswerKeySchema,
    }),
  ),
});

export type ExamResult = z.infer<typeof ExamResultSchema>;

export const ExamHistorySchema = z.array(
  z.object({
    id: z.string(),
    examCode: z.string(),
    startedAt: z.string(),
    status: StatusSchema,
    length: z.number(),
    correct: z.number(),
    scaled: z.number(),
    passed: z.boolean(),
    shortened: z.boolean(),
  }),
);

export const ExamsOverviewSchema = z.object({
  active: z.string().nullable(),
  history: ExamHistorySchema,
});
