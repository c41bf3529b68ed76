import "server-only";
import type { Kysely } from "kysely";

import type { Database } from "@/lib/db/schema";
import type { LearnerHistory } from "@/lib/drills/select-drill-questions";

/**
 * Which questions a learner has seen, which they got wrong the last time
 * they answered them, and which they bookmarked.
 */
export async function getLearnerHistory(
  db: Kysely<Database>,
  learnerId: string,
): Promise<LearnerHistory> {
  const attempts = await db
    .selectFrom("attempts")
    .select(["question_id", "correct"])
    .where("learner_id", "=", learnerId)
    .orderBy("created_at", "asc")
    .execute();
  const bookmarks = await db
    .selectFrom("bookmarks")
    .select("question_id")
    .where("learner_id", "=", learnerId)
    .execute();

  const latest = new Map<string, boolean>();
  for (const row of attempts) latest.set(row.question_id, row.correct === 1);
  return {
    seen: new Set(latest.keys()),
    missed: new Set([...latest].filter(([, ok]) => !ok).map(([id]) => id)),
    bookmarked: new Set(bookmarks.map((row) => row.question_id)),
  };
}
