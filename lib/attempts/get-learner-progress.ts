import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";

import type { Database } from "@/lib/db/schema";

const ProgressRowSchema = z.object({
  answered: z.coerce.number().int(),
  correct: z.coerce.number().int().nullable(),
});

export type LearnerProgress = { answered: number; correct: number };

/** How many questions a learner has answered, and how many correctly. */
export async function getLearnerProgress(
  db: Kysely<Database>,
  learnerId: string,
): Promise<LearnerProgress> {
  const row = await db
    .selectFrom("attempts")
    .select((eb) => [
      eb.fn.countAll().as("answered"),
      eb.fn.sum<number>("correct").as("correct"),
    ])
    .where("learner_id", "=", learnerId)
    .executeTakeFirstOrThrow();

  const parsed = ProgressRowSchema.parse(row);
  return { answered: parsed.answered, correct: parsed.correct ?? 0 };
}
