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
  scheduledDays: z.number(), // FSRS's interval; FSRS's due is lastReview + it
  learningSteps: z.number(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.enum(["new", "learning", "review", "relearning"]),
  lastReview: z.string().nullable(), // ISO-8601 timestamp or null
});
export type ReviewCard = z.infer<typeof ReviewCardSchema>;

export type ReviewGrade = "again" | "hard" | "good" | "easy";

/** The predicted recall FSRS schedules every review for. */
export const TARGET_RECALL = 0.9;

/**
 * The predicted recall we want at the start of the exam. Higher than the
 * everyday target because that one day is what the learner studies for; a
 * card meets it when its stability is about 4.5 times the time left, so the
 * extra reviews it costs fall in the last weeks only. See decision 007.
 */
export const EXAM_TARGET_RECALL = 0.97;

/** The longest interval, in days. See decision 007. */
export const MAXIMUM_INTERVAL_DAYS = 365;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The exam rule never brings a card back sooner than this after its last
 * review: hours after an answer, its explanation is still on the learner's
 * mind, and a look then would test that instead of the topic.
 */
const MINIMUM_GAP_MS = 6 * HOUR_MS;

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

  return applyExamRule(after, now, upcomingExam(examDate, now));
}

/**
 * The card with only the exam rule applied again, for when the learner sets,
 * moves or clears the exam date. It starts from FSRS's own due date, so it
 * never moves a card later than FSRS put it, and a cleared or past date
 * gives that date back. A card already due is returned as it is: whatever
 * made it due (FSRS, a flag, an earlier pull), its next answer reschedules it.
 */
export function rescheduleForExam(
  card: ReviewCard,
  now: Date,
  examDate: string | null,
): ReviewCard {
  // Parsed first, so a malformed date is refused even when nothing moves.
  const exam = upcomingExam(examDate, now);
  if (card.lastReview === null || Date.parse(card.due) <= now.getTime()) {
    return card;
  }

  const planned = { ...card, due: fsrsDue(card, card.lastReview) };
  return applyExamRule(planned, now, exam);
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

/** The card due by the exam rule, and never before `now`. */
function applyExamRule(
  card: ReviewCard,
  now: Date,
  exam: Date | null,
): ReviewCard {
  const due = Math.max(dueBeforeExam(card, exam), now.getTime());

  return { ...card, due: new Date(due).toISOString() };
}

/**
 * FSRS's due date (`card.due`), unless it falls at or after the exam with
 * the card's recall there below target. Then the card is due halfway
 * between its last review and the exam: late enough to count, early enough
 * to leave room for one more look if that review goes badly. A weak card
 * thus comes back at halving distances from the exam, and cards answered
 * on different days come back on different days.
 */
function dueBeforeExam(card: ReviewCard, exam: Date | null): number {
  const due = Date.parse(card.due);
  if (exam === null || due < exam.getTime() || card.lastReview === null) {
    return due;
  }

  const lastReview = Date.parse(card.lastReview);
  if (recallAt(card, exam) >= targetAtExam(lastReview, exam)) return due;

  // Halving towards the exam would never end; the gap is where it stops.
  const halfway = lastReview + (exam.getTime() - lastReview) / 2;
  return halfway - lastReview >= MINIMUM_GAP_MS ? halfway : due;
}

/**
 * The exam target, except for a card reviewed in the last day before the
 * exam: that review was its final look, so only a card short of the
 * everyday target (in practice, a miss) is brought back once more.
 */
function targetAtExam(lastReview: number, exam: Date): number {
  const finalDay = exam.getTime() - lastReview <= DAY_MS;

  return finalDay ? TARGET_RECALL : EXAM_TARGET_RECALL;
}

/** The due date FSRS chose, before any exam rule moved it. */
function fsrsDue(card: ReviewCard, lastReview: string): string {
  const due = Date.parse(lastReview) + card.scheduledDays * DAY_MS;

  return new Date(due).toISOString();
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
