import "server-only";
import type { Kysely } from "kysely";

import type { Database } from "@/lib/db/schema";
import {
  rescheduleForExam,
  ReviewCardSchema,
  scheduleReview,
  type ReviewCard,
  type ReviewGrade,
} from "@/lib/review/review-card";

export type StoredCard = { questionId: string; card: ReviewCard };

async function readCard(
  db: Kysely<Database>,
  learnerId: string,
  questionId: string,
): Promise<ReviewCard | null> {
  const row = await db
    .selectFrom("review_cards")
    .select("card")
    .where("learner_id", "=", learnerId)
    .where("question_id", "=", questionId)
    .executeTakeFirst();
  return row ? ReviewCardSchema.parse(JSON.parse(row.card)) : null;
}

async function writeCard(
  db: Kysely<Database>,
  learnerId: string,
  questionId: string,
  card: ReviewCard,
): Promise<void> {
  const values = {
    due: card.due,
    card: JSON.stringify(card),
    updated_at: new Date().toISOString(),
  };
  await db
    .insertInto("review_cards")
    .values({ learner_id: learnerId, question_id: questionId, ...values })
    .onConflict((oc) =>
      oc.columns(["learner_id", "question_id"]).doUpdateSet(values),
    )
    .execute();
}

/** Schedules a question's next review after the learner answered it. */
export async function reviewAnswered(
  db: Kysely<Database>,
  learnerId: string,
  questionId: string,
  grade: ReviewGrade,
  { now, examDate }: { now: Date; examDate: string | null },
): Promise<ReviewCard> {
  const card = scheduleReview(
    await readCard(db, learnerId, questionId),
    grade,
    now,
    examDate,
  );
  await writeCard(db, learnerId, questionId, card);
  return card;
}

/** When a question comes back for review, if it has a card yet. */
export async function nextReviewOf(
  db: Kysely<Database>,
  learnerId: string,
  questionId: string,
): Promise<string | null> {
  return (await readCard(db, learnerId, questionId))?.due ?? null;
}

/**
 * A question the learner flagged comes up in the review queue now. A card
 * never reviewed before starts as an FSRS "again", which is what a flag
 * means: "I do not trust what I know here".
 */
export async function flagForReview(
  db: Kysely<Database>,
  learnerId: string,
  questionId: string,
  now: Date,
): Promise<void> {
  const existing = await readCard(db, learnerId, questionId);
  const card = existing ?? scheduleReview(null, "again", now, null);
  await writeCard(db, learnerId, questionId, {
    ...card,
    due: now.toISOString(),
  });
}

export async function loadReviewCards(
  db: Kysely<Database>,
  learnerId: string,
): Promise<StoredCard[]> {
  const rows = await db
    .selectFrom("review_cards")
    .select(["question_id", "card"])
    .where("learner_id", "=", learnerId)
    .execute();
  return rows.map((row) => ({
    questionId: row.question_id,
    card: ReviewCardSchema.parse(JSON.parse(row.card)),
  }));
}

/**
 * Moves the learner's existing cards when the exam date is set, changed or
 * cleared, so weak questions come back before the new date straight away
 * rather than after their next review. Returns how many cards moved.
 */
export async function rescheduleCardsForExam(
  db: Kysely<Database>,
  learnerId: string,
  examDate: string | null,
  now: Date,
): Promise<number> {
  let moved = 0;
  for (const { questionId, card } of await loadReviewCards(db, learnerId)) {
    const next = rescheduleForExam(card, now, examDate);
    if (next.due === card.due) continue;
    await writeCard(db, learnerId, questionId, next);
    moved++;
  }
  return moved;
}
