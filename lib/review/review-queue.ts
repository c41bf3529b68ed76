import "server-only";
import type { Kysely } from "kysely";

import type { ReviewQueue } from "@/lib/api/review-schemas";
import type { Database } from "@/lib/db/schema";
import { getExamDate } from "@/lib/learners/exam-date";
import { optionOrder } from "@/lib/questions/option-order";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { dueQueue } from "@/lib/review/review-card";
import { loadReviewCards } from "@/lib/review/review-store";

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** The questions due for review now, in the order to review them. */
export async function getReviewQueue(
  db: Kysely<Database>,
  learnerId: string,
  now = new Date(),
): Promise<ReviewQueue> {
  const bank = getQuestionBank().questions;
  const examDate = await getExamDate(db, learnerId);
  // A card whose question left the bank cannot be reviewed any more.
  const cards = (await loadReviewCards(db, learnerId)).filter((c) =>
    bank.has(c.questionId),
  );

  const due = dueQueue(cards, now, examDate).map((item) => ({
    questionId: item.questionId,
    order: optionOrder(
      learnerId,
      item.questionId,
      bank.get(item.questionId)!.public.options.map((o) => o.letter),
    ),
    recall: item.recall,
  }));
  const weekEnd = now.getTime() + WEEK_MS;
  return {
    examDate,
    due,
    total: cards.length,
    dueThisWeek: cards.filter((c) => Date.parse(c.card.due) <= weekEnd).length,
  };
}
