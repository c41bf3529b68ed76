import "server-only";
import { sql, type Kysely } from "kysely";

import type { attemptRow } from "@/lib/attempts/record-attempt";
import type { Database } from "@/lib/db/schema";

type AttemptValues = ReturnType<typeof attemptRow>;

/**
 * Folds new answers into the per-learner, per-question summary in the same
 * transaction as the answers themselves. An answer older than the summary's
 * first or newer than its last moves that end; counts always add up.
 */
export async function addToQuestionStats(
  db: Kysely<Database>,
  attempts: AttemptValues[],
): Promise<void> {
  // Columns of the stored row are qualified (s.), since PostgreSQL finds a
  // bare name ambiguous beside excluded; and `case` stands in for two-value
  // min() and max(), which SQLite has and PostgreSQL calls least, greatest.
  for (const a of attempts) {
    await sql`insert into learner_question_stats as s values (${a.learner_id},
        ${a.question_id}, 1, ${a.correct}, ${a.chosen_options}, ${a.correct},
        ${a.time_taken_ms}, ${a.created_at}, ${a.correct}, ${a.created_at})
      on conflict (learner_id, question_id) do update set
        answered = s.answered + 1,
        correct = s.correct + excluded.correct,
        first_chosen = case when excluded.first_at < s.first_at
          then excluded.first_chosen else s.first_chosen end,
        first_correct = case when excluded.first_at < s.first_at
          then excluded.first_correct else s.first_correct end,
        first_time_ms = case when excluded.first_at < s.first_at
          then excluded.first_time_ms else s.first_time_ms end,
        first_at = case when excluded.first_at < s.first_at
          then excluded.first_at else s.first_at end,
        last_correct = case when excluded.last_at >= s.last_at
          then excluded.last_correct else s.last_correct end,
        last_at = case when excluded.last_at >= s.last_at
          then excluded.last_at else s.last_at end`.execute(db);
  }
}

/** Rebuilds one learner's summary from their attempts (after a merge). */
export async function rebuildQuestionStats(
  db: Kysely<Database>,
  learnerId: string,
): Promise<void> {
  await db
    .deleteFrom("learner_question_stats")
    .where("learner_id", "=", learnerId)
    .execute();
  const attempts = await db
    .selectFrom("attempts")
    .selectAll()
    .where("learner_id", "=", learnerId)
    .orderBy("created_at", "asc")
    .execute();
  await addToQuestionStats(db, attempts);
}
