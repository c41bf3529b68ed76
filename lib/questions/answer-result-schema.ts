import { z } from "zod";

/** The explanation a question reveals once it is answered. */
export const AnswerKeySchema = z.object({
  answer: z.array(z.string()),
  quickInsightHtml: z.string(),
  winningLogicHtml: z.string(),
  traps: z.array(z.object({ letter: z.string(), html: z.string() })),
  blueprintHtml: z.string(),
  comparisonHtml: z.string(),
  examVsRealWorldHtml: z.string(),
  sources: z.array(z.string()),
});

/** The verdict and explanation the answer endpoint returns. */
export const AnswerResultSchema = AnswerKeySchema.extend({
  correct: z.boolean(),
  chosen: z.array(z.string()),
  timeTakenMs: z.number().nullable(),
});

export type AnswerResult = z.infer<typeof AnswerResultSchema>;
