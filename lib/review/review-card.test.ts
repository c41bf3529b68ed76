import { describe, expect, it } from "vitest";

import {
  dueQueue,
  EXAM_TARGET_RECALL,
  gradeForAnswer,
  recallAt,
  rescheduleForExam,
  ReviewCardSchema,
  scheduleReview,
  TARGET_RECALL,
  type ReviewCard,
  type ReviewGrade,
} from "@/lib/review/review-card";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const NOW = new Date("2026-12-01T09:00:00Z");
const EXAM = "2026-12-11";
const EXAM_START = new Date("2026-12-11T00:00:00Z");
const TWENTY_DAYS_BEFORE = new Date("2026-11-21T09:00:00Z");

/** Answers a new question with each grade in turn, each on its due date. */
function replay(
  start: Date,
  grades: readonly ReviewGrade[],
  examDate: string | null,
): { card: ReviewCard; nextReview: Date } {
  let card: ReviewCard | null = null;
  let at = start;
  for (const grade of grades) {
    card = scheduleReview(card, grade, at, examDate);
    at = new Date(card.due);
  }
  if (card === null) throw new Error("replay needs at least one grade");

  return { card, nextReview: at };
}

function daysUntilDue(card: ReviewCard, from: Date): number {
  return daysUntil(new Date(card.due), from);
}

function daysUntil(to: Date, from: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** Every sequence of `length` grades the app gives (it never gives easy). */
function gradeHistories(length: number): ReviewGrade[][] {
  const grades: ReviewGrade[] = ["again", "hard", "good"];
  let histories: ReviewGrade[][] = [[]];
  for (let step = 0; step < length; step += 1) {
    histories = histories.flatMap((history) =>
      grades.map((grade) => [...history, grade]),
    );
  }

  return histories;
}

/** The `count` calendar dates after NOW's. */
function examDates(count: number): string[] {
  return Array.from({ length: count }, (_, days) =>
    new Date(NOW.getTime() + (days + 1) * DAY_MS).toISOString().slice(0, 10),
  );
}

/**
 * Each card reviewed `at` is due before the exam or at the exam target
 * there. Reviews in the last day relax it on purpose: one there was the
 * final look unless recall is under the everyday target (a miss), and in
 * the last 12 hours no look is added at all.
 */
function meetsExamRule(card: ReviewCard, at: Date, exam: Date): boolean {
  if (Date.parse(card.due) < exam.getTime()) return true;

  const recall = recallAt(card, exam);
  if (recall >= EXAM_TARGET_RECALL) return true;

  const left = exam.getTime() - at.getTime();
  if (left > DAY_MS) return false;

  return recall >= TARGET_RECALL || left < 12 * HOUR_MS;
}

/**
 * The card after each answer of every four-answer history, scheduled with
 * the exam date, and the same review scheduled without it (FSRS's date).
 */
function scheduledCards(): { card: ReviewCard; plain: ReviewCard }[] {
  return gradeHistories(4).flatMap((history) => {
    let card: ReviewCard | null = null;
    let at = NOW;
    return history.map((grade) => {
      const plain = scheduleReview(card, grade, at, null);
      card = scheduleReview(card, grade, at, EXAM);
      at = new Date(card.due);
      return { card, plain };
    });
  });
}

describe("gradeForAnswer", () => {
  it("grades a wrong answer again, whatever the learner felt", () => {
    expect(gradeForAnswer({ correct: false, unsure: false })).toBe("again");
    expect(gradeForAnswer({ correct: false, unsure: true })).toBe("again");
  });

  it("grades a right but unsure answer hard and a sure one good", () => {
    expect(gradeForAnswer({ correct: true, unsure: true })).toBe("hard");
    expect(gradeForAnswer({ correct: true, unsure: false })).toBe("good");
  });
});

describe("scheduleReview without an exam date", () => {
  it("brings a missed question back sooner than a right answer", () => {
    const missed = scheduleReview(null, "again", NOW, null);
    const answered = scheduleReview(null, "good", NOW, null);

    expect(daysUntilDue(missed, NOW)).toBe(1);
    expect(daysUntilDue(answered, NOW)).toBeGreaterThan(1);
  });

  it("brings an unsure right answer back sooner than a sure one", () => {
    const unsure = scheduleReview(null, "hard", NOW, null);
    const sure = scheduleReview(null, "good", NOW, null);

    expect(Date.parse(unsure.due)).toBeLessThan(Date.parse(sure.due));
  });

  it("spreads the reviews further apart while the answers stay good", () => {
    let card = scheduleReview(null, "good", NOW, null);
    const intervals = [daysUntilDue(card, NOW)];
    for (let review = 0; review < 4; review += 1) {
      const at = new Date(card.due);
      card = scheduleReview(card, "good", at, null);
      intervals.push(daysUntilDue(card, at));
    }

    expect(intervals).toEqual([...intervals].sort((a, b) => a - b));
    expect(new Set(intervals).size).toBe(intervals.length);
    expect(card.reps).toBe(5);
  });

  it("spreads easy answers further apart than good ones", () => {
    const easy = replay(NOW, ["easy", "easy"], null).card;
    const good = replay(NOW, ["good", "good"], null).card;

    expect(easy.scheduledDays).toBeGreaterThan(good.scheduledDays);
  });

  it("counts a missed review as a lapse", () => {
    const learnt = replay(NOW, ["good"], null);
    const missed = scheduleReview(
      learnt.card,
      "again",
      learnt.nextReview,
      null,
    );

    expect(missed.lapses).toBe(1);
    expect(missed.stability).toBeLessThan(learnt.card.stability);
  });
});

describe("scheduleReview with an exam date", () => {
  it("sees a card missed 20 days before the exam again in the last week", () => {
    const history = replay(TWENTY_DAYS_BEFORE, ["again", "good", "good"], EXAM);
    expect(history.nextReview).toEqual(new Date("2026-12-03T09:00:00Z"));

    const at = history.nextReview;
    const plain = scheduleReview(history.card, "good", at, null);
    const pulled = scheduleReview(history.card, "good", at, EXAM);

    expect(plain.due).toBe("2026-12-25T09:00:00.000Z");
    expect(recallAt(plain, EXAM_START)).toBeGreaterThan(TARGET_RECALL);
    expect(recallAt(plain, EXAM_START)).toBeLessThan(EXAM_TARGET_RECALL);
    expect(pulled.due).toBe("2026-12-07T04:30:00.000Z");
    expect({ ...pulled, due: plain.due }).toEqual(plain);

    const last = scheduleReview(pulled, "good", new Date(pulled.due), EXAM);
    expect(Date.parse(last.due)).toBeGreaterThan(EXAM_START.getTime());
    expect(recallAt(last, EXAM_START)).toBeGreaterThanOrEqual(
      EXAM_TARGET_RECALL,
    );
  });

  it("reviews a card answered good 20 days before the exam in the last week", () => {
    const first = scheduleReview(null, "good", TWENTY_DAYS_BEFORE, EXAM);
    const second = scheduleReview(first, "good", new Date(first.due), EXAM);
    const third = scheduleReview(second, "good", new Date(second.due), EXAM);

    expect(first.due).toBe("2026-11-24T09:00:00.000Z");
    expect(second.due).toBe("2026-12-08T09:00:00.000Z");
    expect(Date.parse(third.due)).toBeGreaterThan(EXAM_START.getTime());
    expect(recallAt(third, EXAM_START)).toBeGreaterThanOrEqual(
      EXAM_TARGET_RECALL,
    );
  });

  it("pulls unsure answers under the exam target to halfway to the exam", () => {
    const history = replay(TWENTY_DAYS_BEFORE, ["hard", "hard", "hard"], EXAM);
    const at = history.nextReview;
    expect(at).toEqual(new Date("2026-12-06T09:00:00Z"));

    const plain = scheduleReview(history.card, "hard", at, null);
    const pulled = scheduleReview(history.card, "hard", at, EXAM);

    expect(plain.due).toBe("2026-12-21T09:00:00.000Z");
    expect(pulled.due).toBe("2026-12-08T16:30:00.000Z");
  });

  it("pulls a card under 0.9 at the exam to halfway, not the day before", () => {
    const history = replay(
      new Date("2026-11-22T09:00:00Z"),
      ["again", "good", "hard"],
      EXAM,
    );
    expect(history.nextReview).toEqual(NOW);

    const plain = scheduleReview(history.card, "hard", NOW, null);
    const pulled = scheduleReview(history.card, "hard", NOW, EXAM);

    expect(plain.due).toBe("2026-12-11T09:00:00.000Z");
    expect(recallAt(plain, EXAM_START)).toBeLessThan(TARGET_RECALL);
    expect(pulled.due).toBe("2026-12-06T04:30:00.000Z");
  });

  it("pulls a question learnt 3 days before the exam to the next day", () => {
    const plain = scheduleReview(null, "good", NOW, null);
    const pulled = scheduleReview(null, "good", NOW, "2026-12-04");

    expect(plain.due).toBe("2026-12-04T09:00:00.000Z");
    expect(pulled.due).toBe("2026-12-02T16:30:00.000Z");
  });

  it("spreads the pulled reviews over the last week, not the day before", () => {
    const pulledDays: string[] = [];
    for (const history of gradeHistories(5)) {
      let card: ReviewCard | null = null;
      let at = TWENTY_DAYS_BEFORE;
      for (const grade of history) {
        if (at >= EXAM_START) break;
        const plain = scheduleReview(card, grade, at, null);
        card = scheduleReview(card, grade, at, EXAM);
        if (card.due !== plain.due) pulledDays.push(card.due.slice(0, 10));
        at = new Date(card.due);
      }
    }
    const dayBefore = pulledDays.filter((day) => day === "2026-12-10");

    expect(new Set(pulledDays).size).toBeGreaterThanOrEqual(4);
    expect(dayBefore.length).toBeLessThan(pulledDays.length / 4);
    expect(pulledDays.every((day) => day >= "2026-12-04")).toBe(true);
  });

  it("brings a miss back later the same day when the exam is tomorrow", () => {
    const pulled = scheduleReview(null, "again", NOW, "2026-12-02");

    expect(pulled.due).toBe("2026-12-01T16:30:00.000Z");
  });

  it("adds no look within 12 hours of the exam, even after a miss", () => {
    const first = scheduleReview(null, "again", NOW, "2026-12-02");
    const at = new Date(first.due);
    const plain = scheduleReview(first, "again", at, null);

    expect(scheduleReview(first, "again", at, "2026-12-02")).toEqual(plain);
    expect(recallAt(plain, new Date("2026-12-02T00:00:00Z"))).toBeLessThan(
      TARGET_RECALL,
    );
  });

  it("leaves alone a card answered good on the day before the exam", () => {
    const plain = scheduleReview(null, "good", NOW, null);
    const exam = new Date("2026-12-02T00:00:00Z");

    expect(recallAt(plain, exam)).toBeLessThan(EXAM_TARGET_RECALL);
    expect(recallAt(plain, exam)).toBeGreaterThanOrEqual(TARGET_RECALL);
    expect(scheduleReview(null, "good", NOW, "2026-12-02")).toEqual(plain);
  });

  it("leaves a card with stability far above the time left where it is", () => {
    const history = replay(
      new Date("2026-09-01T09:00:00Z"),
      ["good", "good", "good"],
      EXAM,
    );
    expect(history.nextReview).toEqual(new Date("2026-11-14T09:00:00Z"));

    const at = history.nextReview;
    const plain = scheduleReview(history.card, "good", at, null);
    const withExam = scheduleReview(history.card, "good", at, EXAM);

    expect(plain.stability).toBeGreaterThan(7 * daysUntil(EXAM_START, at));
    expect(plain.due).toBe("2027-05-29T09:00:00.000Z");
    expect(withExam).toEqual(plain);
  });

  it("leaves a card already at the exam target where FSRS put it", () => {
    const history = replay(
      new Date("2026-11-14T09:00:00Z"),
      ["good", "good"],
      EXAM,
    );
    expect(history.nextReview).toEqual(NOW);

    const plain = scheduleReview(history.card, "good", NOW, null);
    const withExam = scheduleReview(history.card, "good", NOW, EXAM);

    expect(Date.parse(plain.due)).toBeGreaterThan(EXAM_START.getTime());
    expect(recallAt(plain, EXAM_START)).toBeGreaterThanOrEqual(
      EXAM_TARGET_RECALL,
    );
    expect(withExam).toEqual(plain);
  });

  it("leaves a card FSRS already brings back before the exam", () => {
    const plain = scheduleReview(null, "again", NOW, null);

    expect(scheduleReview(null, "again", NOW, EXAM)).toEqual(plain);
  });

  it("changes nothing once the exam date has begun or passed", () => {
    const plain = scheduleReview(null, "good", NOW, null);

    expect(scheduleReview(null, "good", NOW, "2026-12-01")).toEqual(plain);
    expect(scheduleReview(null, "good", NOW, "2026-11-20")).toEqual(plain);
  });

  it("keeps every card due before the exam or at the exam target there", () => {
    let reviews = 0;
    let pulled = 0;
    for (const examDate of examDates(21)) {
      const exam = new Date(`${examDate}T00:00:00Z`);
      for (const history of gradeHistories(4)) {
        let card: ReviewCard | null = null;
        let at = NOW;
        for (const grade of history) {
          if (at >= exam) break;
          const plain = scheduleReview(card, grade, at, null);
          card = scheduleReview(card, grade, at, examDate);
          const due = new Date(card.due);
          reviews += 1;
          if (card.due !== plain.due) pulled += 1;

          expect(due.getTime()).toBeGreaterThan(at.getTime());
          expect(due <= new Date(plain.due)).toBe(true);
          expect(meetsExamRule(card, at, exam)).toBe(true);
          at = due;
        }
      }
    }

    expect(pulled).toBeGreaterThan(reviews / 10);
  });

  it("rejects an exam date that is not a calendar date", () => {
    expect(() => scheduleReview(null, "good", NOW, "11/12/2026")).toThrow();
  });
});

describe("rescheduleForExam", () => {
  // Missed on 21 November, then good on the 22nd, the 25th and 3 December
  // with no exam date set: FSRS says 25 December.
  const weak = replay(
    TWENTY_DAYS_BEFORE,
    ["again", "good", "good", "good"],
    null,
  ).card;
  const dateSetAt = new Date("2026-12-04T12:00:00Z");

  it("pulls an existing weak card as soon as an exam date is set", () => {
    expect(weak.due).toBe("2026-12-25T09:00:00.000Z");

    const moved = rescheduleForExam(weak, dateSetAt, EXAM);

    expect(moved.due).toBe("2026-12-07T04:30:00.000Z");
    expect({ ...moved, due: weak.due }).toEqual(weak);
  });

  it("puts a card where scheduleReview would have with the date known", () => {
    const history = replay(TWENTY_DAYS_BEFORE, ["again", "good", "good"], null);
    const withDate = scheduleReview(
      history.card,
      "good",
      history.nextReview,
      EXAM,
    );

    expect(rescheduleForExam(weak, dateSetAt, EXAM)).toEqual(withDate);
  });

  it("gives back FSRS's date when the exam date is cleared or past", () => {
    const moved = rescheduleForExam(weak, dateSetAt, EXAM);
    const later = new Date("2026-12-05T12:00:00Z");

    expect(rescheduleForExam(moved, later, null)).toEqual(weak);
    expect(rescheduleForExam(moved, later, "2026-12-05")).toEqual(weak);
  });

  it("keeps a card with no exam pull as it is when there is no date", () => {
    expect(rescheduleForExam(weak, dateSetAt, null)).toEqual(weak);
  });

  it("moves a pulled card later, up to FSRS's date, when the exam moves", () => {
    const moved = rescheduleForExam(weak, dateSetAt, EXAM);
    const later = new Date("2026-12-05T12:00:00Z");

    const postponed = rescheduleForExam(moved, later, "2026-12-14");
    const farOff = rescheduleForExam(moved, later, "2027-03-01");

    expect(postponed.due).toBe("2026-12-08T16:30:00.000Z");
    expect(farOff.due).toBe(weak.due);
  });

  it("makes a card due at once when its look before the exam is late", () => {
    const late = new Date("2026-12-09T12:00:00Z");

    expect(rescheduleForExam(weak, late, EXAM).due).toBe(late.toISOString());
  });

  it("leaves a card that is already due untouched", () => {
    const flagged = { ...weak, due: "2026-12-04T08:00:00.000Z" };

    expect(rescheduleForExam(flagged, dateSetAt, EXAM)).toBe(flagged);
    expect(rescheduleForExam(flagged, dateSetAt, null)).toBe(flagged);
  });

  it("keeps every card between now and FSRS's date, meeting the rule", () => {
    let moved = 0;
    for (const { card, plain } of scheduledCards()) {
      const lastReview = Date.parse(card.lastReview ?? "");
      for (const hours of [1, 20, 50, 100]) {
        const now = new Date(lastReview + hours * HOUR_MS);
        if (Date.parse(card.due) <= now.getTime()) continue;

        for (const examDate of [null, ...examDates(21)]) {
          const result = rescheduleForExam(card, now, examDate);
          const exam = new Date(`${examDate}T00:00:00Z`);
          if (result.due !== card.due) moved += 1;

          if (examDate !== null && exam > now) {
            expect(meetsExamRule(result, new Date(lastReview), exam)).toBe(
              true,
            );
          }

          expect(Date.parse(result.due)).toBeLessThanOrEqual(
            Date.parse(plain.due),
          );
          expect(Date.parse(result.due)).toBeGreaterThanOrEqual(now.getTime());
          expect({ ...result, due: card.due }).toEqual(card);
        }
        expect(rescheduleForExam(card, now, null)).toEqual(plain);
      }
    }

    expect(moved).toBeGreaterThan(100);
  });

  it("rejects an exam date that is not a calendar date", () => {
    expect(() => rescheduleForExam(weak, dateSetAt, "2026-13-01")).toThrow();
  });
});

describe("recallAt", () => {
  it("is 0 for a card never reviewed", () => {
    const card = scheduleReview(null, "good", NOW, null);

    expect(recallAt({ ...card, state: "new", lastReview: null }, NOW)).toBe(0);
  });

  it("starts at 1 and falls to 0.9 one stability after the review", () => {
    const card = scheduleReview(null, "good", NOW, null);
    const later = new Date(NOW.getTime() + card.stability * DAY_MS);

    expect(recallAt(card, NOW)).toBe(1);
    expect(recallAt(card, later)).toBeCloseTo(0.9, 6);
  });
});

describe("dueQueue", () => {
  const items = [
    // due 23 Nov; stability 2.3 days
    {
      questionId: "learnt",
      card: scheduleReview(
        null,
        "good",
        new Date("2026-11-20T09:00:00Z"),
        null,
      ),
    },
    // due 29 Nov; stability 0.2 days
    {
      questionId: "missed",
      card: scheduleReview(
        null,
        "again",
        new Date("2026-11-28T09:00:00Z"),
        null,
      ),
    },
    // due 30 Nov; stability 8.3 days
    {
      questionId: "easy",
      card: scheduleReview(
        null,
        "easy",
        new Date("2026-11-22T09:00:00Z"),
        null,
      ),
    },
    // due 3 Dec
    {
      questionId: "not-yet",
      card: scheduleReview(
        null,
        "good",
        new Date("2026-11-30T09:00:00Z"),
        null,
      ),
    },
  ];

  it("returns only the cards due now", () => {
    const queue = dueQueue(items, NOW, null);

    expect(queue.map((item) => item.questionId)).not.toContain("not-yet");
    expect(queue).toHaveLength(3);
  });

  it("puts the most overdue first when there is no exam date", () => {
    const queue = dueQueue(items, NOW, null);

    expect(queue.map((item) => item.questionId)).toEqual([
      "learnt",
      "missed",
      "easy",
    ]);
    expect(queue.map((item) => item.recall)).toEqual(
      queue.map((item) => recallAt(item.card, NOW)),
    );
  });

  it("puts the lowest recall at the exam first when an exam is set", () => {
    const queue = dueQueue(items, NOW, EXAM);

    expect(queue.map((item) => item.questionId)).toEqual([
      "missed",
      "learnt",
      "easy",
    ]);
    expect(queue.map((item) => item.recall)).toEqual(
      queue.map((item) => recallAt(item.card, EXAM_START)),
    );
  });

  it("orders by due date again once the exam date has passed", () => {
    const queue = dueQueue(items, NOW, "2026-11-25");

    expect(queue.map((item) => item.questionId)).toEqual([
      "learnt",
      "missed",
      "easy",
    ]);
  });
});

describe("ReviewCardSchema", () => {
  it("round-trips a scheduled card through JSON", () => {
    const { card, nextReview } = replay(NOW, ["again", "good", "hard"], EXAM);

    const parsed = ReviewCardSchema.parse(JSON.parse(JSON.stringify(card)));

    expect(parsed).toEqual(card);
    expect(scheduleReview(parsed, "good", nextReview, null)).toEqual(
      scheduleReview(card, "good", nextReview, null),
    );
  });
});
