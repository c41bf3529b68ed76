import "server-only";
import { randomUUID } from "node:crypto";

import type { Kysely } from "kysely";

import { addToQuestionStats } from "@/lib/attempts/question-stats";
import type { AttemptMode, Database } from "@/lib/db/schema";

export type NewAttempt = {
  learnerId: string;
  questionId: string;
  chosenOptions: string[];
  correct: boolean;
  timeTakenMs: number | null;
  mode: AttemptMode;
  drillId?: string | null;
  examId?: string | null;
  at?: Date;
};

/** Stores one answer durably; SQL, not the session, is the record of it. */
export async function recordAttempt(
  db: Kysely<Database>,
  attempt: NewAttempt,
): Promise<string> {
  const id = randomUUID();
  const row = attemptRow(id, attempt);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("attempts").values(row).execute();
    await addToQuestionStats(trx, [row]);
  });
  return id;
}

export function attemptRow(id: string, attempt: NewAttempt) {
  return {
    id,
    learner_id: attempt.learnerId,
    question_id: attempt.questionId,
    chosen_options: JSON.stringify([...attempt.chosenOptions].sort()),
    correct: attempt.correct ? 1 : 0,
    time_taken_ms: attempt.timeTakenMs,
    mode: attempt.mode,
    drill_id: attempt.drillId ?? null,
    exam_id: attempt.examId ?? null,
    created_at: (attempt.at ?? new Date()).toISOString(),
  };
}
