import "server-only";
import { sql, type Kysely } from "kysely";

import { rebuildQuestionStats } from "@/lib/attempts/question-stats";
import type { Database } from "@/lib/db/schema";
import { rescheduleCardsForExam } from "@/lib/review/review-store";

/**
 * Moves everything a guest did into the account they signed in to, so
 * signing in never costs progress: answers, drills, exams, review cards,
 * bookmarks, cohort memberships and the exam date. Where both have a review
 * card for the same question, the more recently reviewed one wins; where
 * both have an exam date, the account's does. The guest learner is then
 * deleted.
 */
export async function mergeGuestInto(
  db: Kysely<Database>,
  guestId: string,
  memberId: string,
): Promise<void> {
  if (guestId === memberId) return;

  await db.transaction().execute(async (trx) => {
    for (const table of ["attempts", "drills", "exams"] as const) {
      await trx
        .updateTable(table)
        .set({ learner_id: memberId })
        .where("learner_id", "=", guestId)
        .execute();
    }
    await mergeReviewCards(trx, guestId, memberId);
    await mergeBookmarks(trx, guestId, memberId);
    await mergeCohortMemberships(trx, guestId, memberId);
    await mergeExamDate(trx, guestId, memberId);
    await trx.deleteFrom("learners").where("id", "=", guestId).execute();
    await rebuildQuestionStats(trx, memberId);
  });
}

async function mergeReviewCards(
  trx: Kysely<Database>,
  guestId: string,
  memberId: string,
) {
  await sql`delete from review_cards as older
    where exists (select 1 from review_cards as newer
      where newer.question_id = older.question_id
        and newer.learner_id in (${guestId}, ${memberId})
        and newer.learner_id <> older.learner_id
        and newer.updated_at > older.updated_at)
      and older.learner_id in (${guestId}, ${memberId})`.execute(trx);
  // Equal timestamps: the member's card stays.
  await sql`delete from review_cards
    where learner_id = ${guestId} and question_id in
      (select question_id from review_cards where learner_id = ${memberId})`.execute(
    trx,
  );
  await trx
    .updateTable("review_cards")
    .set({ learner_id: memberId })
    .where("learner_id", "=", guestId)
    .execute();
}

async function mergeBookmarks(
  trx: Kysely<Database>,
  guestId: string,
  memberId: string,
) {
  await sql`insert into bookmarks (learner_id, question_id, created_at)
    select ${memberId}, question_id, created_at from bookmarks
    where learner_id = ${guestId}
    on conflict (learner_id, question_id) do nothing`.execute(trx);
  await trx.deleteFrom("bookmarks").where("learner_id", "=", guestId).execute();
}

async function mergeCohortMemberships(
  trx: Kysely<Database>,
  guestId: string,
  memberId: string,
) {
  await sql`insert into cohort_members (cohort_id, learner_id, joined_at)
    select cohort_id, ${memberId}, joined_at from cohort_members
    where learner_id = ${guestId}
    on conflict (cohort_id, learner_id) do nothing`.execute(trx);
  await trx
    .deleteFrom("cohort_members")
    .where("learner_id", "=", guestId)
    .execute();
}

/**
 * The account's exam date stays when it has one; otherwise the guest's
 * becomes the account's. Each side's cards were scheduled for its own date,
 * so when the dates differ they are all scheduled again for the one kept.
 */
async function mergeExamDate(
  trx: Kysely<Database>,
  guestId: string,
  memberId: string,
) {
  const dates = await trx
    .selectFrom("learners")
    .select(["id", "exam_date"])
    .where("id", "in", [guestId, memberId])
    .execute();
  const guestDate = dates.find((row) => row.id === guestId)?.exam_date ?? null;
  const memberDate =
    dates.find((row) => row.id === memberId)?.exam_date ?? null;
  const kept = memberDate ?? guestDate;

  if (kept !== memberDate) {
    await trx
      .updateTable("learners")
      .set({ exam_date: kept })
      .where("id", "=", memberId)
      .execute();
  }
  if (guestDate !== memberDate)
    await rescheduleCardsForExam(trx, memberId, kept, new Date());
}
