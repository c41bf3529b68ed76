import "server-only";

import {
  createEmptyCard,
  forgetting_curve,
  fsrs,
  generatorParameters,
  Rating,
  State,
  type Card,
  type Grade,
} from "ts-fsrs";
import { z } from "zod";

/** A review card as stored in SQL and JSON: plain data, ISO-8601 dates. */
export const ReviewCardSchema = z.object({
  due: z.string(), // ISO-8601 timestamp; may be earlier than FSRS chose
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(), // kept for ts-fsrs, deprecated there, unused here
  scheduledDays: z.number(), // the interval FSRS chose, before the exam rule
  learningSteps: z.number(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.enum(["new", "learning", "review", "relearning"]),
  lastReview: z.string().nullable(), // ISO-8601 timestamp or null
});
export type ReviewCard = z.infer<typeof ReviewCardSchema>;

export type ReviewGrade = "again" | "hard" | "good" | "easy";

/** The predicted recall we schedule for, and want at the exam. */
export const TARGET_RECALL = 0.9;

/** The longest interval, in days. See decision 007. */
export const MAXIMUM_INTERVAL_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

const scheduler = fsrs(
  generatorParameters({
    request_retention: TARGET_RECALL,
    maximum_interval: MAXIMUM_INTERVAL_DAYS,
    enable_fuzz: false,
    // Whole days only: the answer is explained on screen, so asking again
    // minutes later tests memory of that screen, not of the topic.
    enable_short_term: false,
  }),
);

const RATINGS: Record<ReviewGrade, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const STATES: Record<ReviewCard["state"], State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const STATE_NAMES: Record<State, ReviewCard["state"]> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};

const ExamDateSchema = z.iso.date();

/**
 * again when wrong; hard when right but the learner said they were unsure;
 * good otherwise.
 */
export function gradeForAnswer(answer: {
  correct: boolean;
  unsure: boolean;
}): ReviewGrade {
  if (!answer.correct) return "again";

  return answer.unsure ? "hard" : "good";
}

/**
 * The card after one review. `card` is null for a question the learner has
 * never reviewed. `examDate` is "YYYY-MM-DD" or null.
 */
export function scheduleReview(
  card: ReviewCard | null,
  grade: ReviewGrade,
  now: Date,
  examDate: string | null,
): ReviewCard {
  const before = card === null ? createEmptyCard(now) : toFsrs(card);
  const after = fromFsrs(scheduler.next(before, now, RATINGS[grade]).card);

  const due = dueBeforeExam(after, now, upcomingExam(examDate, now));
  return { ...after, due: due.toISOString() };
}

/**
 * Predicted probability of recalling the card at `at` (0..1). A card never
 * reviewed: 0.
 */
export function recallAt(card: ReviewCard, at: Date): number {
  if (card.state === "new" || card.lastReview === null) return 0;

  // Fractional days: ts-fsrs's get_retrievability drops the hours, and the
  // hours before an exam are what the exam rule is about.
  const elapsed = (at.getTime() - Date.parse(card.lastReview)) / DAY_MS;
  return forgetting_curve(
    scheduler.parameters.w,
    Math.max(0, elapsed),
    card.stability,
  );
}

/**
 * The cards due at `now`, lowest recall at the exam first, or most overdue
 * first when there is no exam ahead; each with its predicted recall at the
 * start of the exam date (or at `now` when there is no exam ahead).
 */
export function dueQueue<T extends { card: ReviewCard }>(
  items: T[],
  now: Date,
  examDate: string | null,
): (T & { recall: number })[] {
  const exam = upcomingExam(examDate, now);

  const due = items.filter((item) => dueMs(item) <= now.getTime());
  const queue = due.map((item) => ({
    ...item,
    recall: recallAt(item.card, exam ?? now),
  }));

  return queue.sort(exam === null ? byDue : byRecallThenDue);
}

/**
 * FSRS's due date, unless the card would come due after the exam with its
 * recall there below target: then it is due on the day before the exam.
 */
function dueBeforeExam(card: ReviewCard, now: Date, exam: Date | null): Date {
  const due = new Date(card.due);
  if (exam === null || due < exam) return due;

  if (recallAt(card, exam) >= TARGET_RECALL) return due;

  return lastLook(now, exam);
}

/**
 * On the day before the exam: at its start or, when less than two days are
 * left, halfway to the exam, so a card just answered is not due again at once.
 */
function lastLook(now: Date, exam: Date): Date {
  const dayBefore = exam.getTime() - DAY_MS;
  const halfway = (now.getTime() + exam.getTime()) / 2;

  return new Date(Math.max(dayBefore, halfway));
}

/** The start of the exam date (UTC); null if there is none or it has begun. */
function upcomingExam(examDate: string | null, now: Date): Date | null {
  if (examDate === null) return null;

  const exam = new Date(`${ExamDateSchema.parse(examDate)}T00:00:00Z`);
  return exam > now ? exam : null;
}

function dueMs(item: { card: ReviewCard }): number {
  return Date.parse(item.card.due);
}

function byDue(a: { card: ReviewCard }, b: { card: ReviewCard }): number {
  return dueMs(a) - dueMs(b);
}

function byRecallThenDue(
  a: { card: ReviewCard; recall: number },
  b: { card: ReviewCard; recall: number },
): number {
  return a.recall - b.recall || byDue(a, b);
}

function toFsrs(card: ReviewCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATES[card.state],
    last_review:
      card.lastReview === null ? undefined : new Date(card.lastReview),
  };
}

function fromFsrs(card: Card): ReviewCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    lastReview: card.last_review?.toISOString() ?? null,
  };
}
