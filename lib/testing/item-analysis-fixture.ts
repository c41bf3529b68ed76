/*
 * A hand-checked class for the item analysis: the tests of analyseItems
 * check its figures by hand, and those of analyseItemsInDatabase check that
 * the database gives the same.
 */
import {
  type AttemptRow,
  type QuestionInfo,
} from "@/lib/instructors/item-analysis";
import { isCorrect } from "@/lib/questions/check-answer";

export const LETTERS = ["A", "B", "C", "D"];

export function question(id: string, answer: string[], options = LETTERS) {
  return { id, options, answer } satisfies QuestionInfo;
}

export const Q1 = question("Q1", ["B"]);
// Keyed C, but the strongest learners all choose A: the key is wrong.
export const Q2 = question("Q2", ["C"]);
// Nobody chooses A.
export const Q3 = question("Q3", ["D"]);
export const QUESTIONS = [Q1, Q2, Q3];

export function row(
  learnerId: string,
  item: QuestionInfo,
  chosen: string[],
  timeTakenMs: number | null = 30_000,
): AttemptRow {
  const correct = isCorrect(chosen, item.answer);
  return { learnerId, questionId: item.id, chosen, correct, timeTakenMs };
}

/*
 * Twelve learners, first attempts only (1 = correct):
 *
 *        Q1 (B)  Q2 (C)  Q3 (D)   Q1 time
 *   L01   B 1     A 0     D 1     30 s
 *   L02   B 1     A 0     D 1     30 s
 *   L03   B 1     A 0     D 1     30 s
 *   L04   B 1     A 0     D 1     30 s
 *   L05   B 1     C 1     D 1     30 s
 *   L06   B 1     B 0     B 0     30 s
 *   L07   A 0     C 1     D 1     30 s
 *   L08   B 1     C 1     C 0     30 s
 *   L09   C 0     C 1     B 0     30 s
 *   L10   D 0     C 1     C 0     30 s
 *   L11   A 0     D 0     B 0     63 s
 *   L12   C 0     C 1     C 0     none
 *
 * Facility: Q1 7/12, Q2 6/12, Q3 6/12. Each 27% group holds
 * floor(0.27 · 12) = 3 learners; equal rest scores are ordered by id.
 */
export const FIRSTS: [string, string, string, string, number | null][] = [
  ["L01", "B", "A", "D", 30_000],
  ["L02", "B", "A", "D", 30_000],
  ["L03", "B", "A", "D", 30_000],
  ["L04", "B", "A", "D", 30_000],
  ["L05", "B", "C", "D", 30_000],
  ["L06", "B", "B", "B", 30_000],
  ["L07", "A", "C", "D", 30_000],
  ["L08", "B", "C", "C", 30_000],
  ["L09", "C", "C", "B", 30_000],
  ["L10", "D", "C", "C", 30_000],
  ["L11", "A", "D", "B", 63_000],
  ["L12", "C", "C", "C", null],
];

export function firstRows(order: typeof FIRSTS): AttemptRow[] {
  return order.flatMap(([learner, q1, q2, q3, q1Time]) => [
    row(learner, Q1, [q1], q1Time),
    row(learner, Q2, [q2]),
    row(learner, Q3, [q3]),
  ]);
}

// Later tries, after feedback: counted, they would lift Q1 to 8/13.
export const RETRIES = [
  row("L12", Q1, ["B"], 5_000),
  row("L01", Q2, ["C"], 5_000),
];

export const COHORT = [...firstRows(FIRSTS), ...RETRIES];
