import { z } from "zod";

import { AnswerKeySchema } from "@/lib/questions/answer-result-schema";

/** The public part of a question, as the static JSON route serves it. */
export const PublicQuestionSchema = z.object({
  id: z.string(),
  exam: z.string(),
  domain: z.number(),
  task: z.string(),
  type: z.enum(["multiple-choice", "multiple-response"]),
  difficulty: z.enum(["easy", "medium", "hard"]),
  services: z.array(z.string()),
  choose: z.number(),
  scenarioHtml: z.string(),
  requirementHtml: z.string(),
  options: z.array(z.object({ letter: z.string(), html: z.string() })),
});

/** A drill or review verdict, with when the question comes back. */
export const PracticeResultSchema = AnswerKeySchema.extend({
  correct: z.boolean(),
  chosen: z.array(z.string()),
  timeTakenMs: z.number().nullable(),
  nextReview: z.string(),
});

export type PracticeResult = z.infer<typeof PracticeResultSchema>;

export const BookmarkResultSchema = z.object({
  questionId: z.string(),
  bookmarked: z.boolean(),
});

export const FlagResultSchema = z.object({
  questionId: z.string(),
  flagged: z.literal(true),
});

export const BookmarkListSchema = z.object({ bookmarks: z.array(z.string()) });
