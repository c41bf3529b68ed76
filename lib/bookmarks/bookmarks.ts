import "server-only";
import type { Kysely } from "kysely";

import type { Database } from "@/lib/db/schema";

export async function listBookmarks(
  db: Kysely<Database>,
  learnerId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("bookmarks")
    .select("question_id")
    .where("learner_id", "=", learnerId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((row) => row.question_id);
}

/** Adds or removes a bookmark; doing either twice changes nothing. */
export async function setBookmark(
  db: Kysely<Database>,
  learnerId: string,
  questionId: string,
  bookmarked: boolean,
): Promise<void> {
  if (!bookmarked) {
    await db
      .deleteFrom("bookmarks")
      .where("learner_id", "=", learnerId)
      .where("question_id", "=", questionId)
      .execute();
    return;
  }
  await db
    .insertInto("bookmarks")
    .values({
      learner_id: learnerId,
      question_id: questionId,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
