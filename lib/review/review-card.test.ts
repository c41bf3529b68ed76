import { describe, expect, it } from "vitest";

import {
  dueQueue,
  gradeForAnswer,
  recallAt,
  ReviewCardSchema,
  scheduleReview,
  type ReviewCard,
  type ReviewGrade,
} from "@/lib/review/review-card";

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-12-01T09:00:00Z");
const EXAM = "2026-12-11";
const EXAM_START = new Date("2026-12-11T00:00:00Z");

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
  return (Date.parse(card.due) - from.getTime()) / DAY_MS;
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
  it("pulls a card due after the exam with recall under 0.9 there", () => {
    const history = replay(
      new Date("2026-11-22T09:00:00Z"),
      ["again", "good", "hard"],
      EXAM,
    );
    expect(history.nextReview).toEqual(NOW);

    const plain = scheduleReview(history.card, "hard", NOW, null);
    const pulled = scheduleReview(history.card, "hard", NOW, EXAM);

    expect(plain.due).toBe("2026-12-11T09:00:00.000Z");
    expect(recallAt(plain, EXAM_START)).toBeLessThan(0.9);
    expect(pulled.due).toBe("2026-12-10T00:00:00.000Z");
    expect({ ...pulled, due: plain.due }).toEqual(plain);
  });

  it("pulls a question learnt 3 days before the exam to the day before", () => {
    const plain = scheduleReview(null, "good", NOW, null);
    const pulled = scheduleReview(null, "good", NOW, "2026-12-04");

    expect(plain.due).toBe("2026-12-04T09:00:00.000Z");
    expect(recallAt(plain, new Date("2026-12-04T00:00:00Z"))).toBeLessThan(0.9);
    expect(pulled.due).toBe("2026-12-03T00:00:00.000Z");
  });

  it("brings a miss back later the same day when the exam is tomorrow", () => {
    const pulled = scheduleReview(null, "again", NOW, "2026-12-02");

    expect(pulled.due).toBe("2026-12-01T16:30:00.000Z");
    expect(Date.parse(pulled.due)).toBeGreaterThan(NOW.getTime());
  });

  it("leaves a strong card where FSRS put it, after the exam", () => {
    const history = replay(
      new Date("2026-11-14T09:00:00Z"),
      ["good", "good"],
      EXAM,
    );
    expect(history.nextReview).toEqual(NOW);

    const plain = scheduleReview(history.card, "good", NOW, null);
    const withExam = scheduleReview(history.card, "good", NOW, EXAM);

    expect(Date.parse(plain.due)).toBeGreaterThan(EXAM_START.getTime());
    expect(recallAt(plain, EXAM_START)).toBeGreaterThanOrEqual(0.9);
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

  it("keeps every card due before the exam or at 0.9 recall there", () => {
    const grades: ReviewGrade[] = ["again", "hard", "good"];
    const histories = grades.flatMap((a) =>
      grades.flatMap((b) => grades.map((c) => [a, b, c])),
    );
    const exams = Array.from(
      { length: 14 },
      (_, days) => new Date(NOW.getTime() + (days + 1) * DAY_MS),
    ).map((day) => day.toISOString().slice(0, 10));

    let pulled = 0;
    for (const examDate of exams) {
      const exam = new Date(`${examDate}T00:00:00Z`);
      for (const history of histories) {
        let card: ReviewCard | null = null;
        let at = NOW;
        for (const grade of history) {
          const plain = scheduleReview(card, grade, at, null);
          card = scheduleReview(card, grade, at, examDate);
          const due = new Date(card.due);
          if (card.due !== plain.due) pulled += 1;

          expect(due.getTime()).toBeGreaterThan(at.getTime());
          expect(due < exam || recallAt(card, exam) >= 0.9).toBe(true);
          at = due;
        }
      }
    }

    expect(pulled).toBeGreaterThan(0);
  });

  it("rejects an exam date that is not a calendar date", () => {
    expect(() => scheduleReview(null, "good", NOW, "11/12/2026")).toThrow();
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
