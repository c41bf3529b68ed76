import { z } from "zod";

export const CohortSchema = z.object({
  id: z.string(),
  name: z.string(),
  inviteCode: z.string(),
  targetExamDate: z.string().nullable(),
  ownerId: z.string(),
  members: z.number(),
});

export const CohortListSchema = z.object({ cohorts: z.array(CohortSchema) });

export const CohortRowSchema = z.object({
  learnerId: z.string(),
  name: z.string(),
  answered: z.number(),
  accuracy: z.number().nullable(),
  domains: z.array(
    z.object({
      number: z.number(),
      answered: z.number(),
      accuracy: z.number().nullable(),
    }),
  ),
  tasks: z.record(z.string(), z.number()),
  readiness: z.number().nullable(),
  lastActive: z.string().nullable(),
  examsTaken: z.number(),
  bestExam: z.number().nullable(),
  latestExam: z.number().nullable(),
});

export type CohortRow = z.infer<typeof CohortRowSchema>;

export const CohortPageSchema = z.object({
  cohort: CohortSchema,
  tasks: z.array(
    z.object({ id: z.string(), title: z.string(), domain: z.number() }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  rows: z.array(CohortRowSchema),
});

export type CohortPage = z.infer<typeof CohortPageSchema>;

export const ItemReportSchema = z.object({
  items: z.array(
    z.object({
      questionId: z.string(),
      task: z.string(),
      summary: z.string(),
      attempts: z.number(),
      learners: z.number(),
      facility: z.number().nullable(),
      discrimination: z.number().nullable(),
      averageTimeMs: z.number().nullable(),
      options: z.array(
        z.object({
          letter: z.string(),
          keyed: z.boolean(),
          chosen: z.number(),
          share: z.number(),
        }),
      ),
      flags: z.array(z.string()),
      traps: z.record(z.string(), z.string()),
    }),
  ),
});

export type ItemReport = z.infer<typeof ItemReportSchema>["items"][number];
