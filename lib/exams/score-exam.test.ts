import { describe, expect, it } from "vitest";

import {
  passPercent,
  scaledScore,
  scoreExam,
  type ExamItem,
} from "@/lib/exams/score-exam";
import { TEST_BLUEPRINT } from "@/lib/testing/blueprint-fixture";

const blueprint = TEST_BLUEPRINT;

function item(questionId: string, task: string, correct: boolean): ExamItem {
  return { questionId, domain: Number(task.split(".")[0]), task, correct };
}

/** A 65-question exam with the first `correct` answered right. */
function examWith(correct: number): ExamItem[] {
  return Array.from({ length: 65 }, (_, i) =>
    item(`q${i + 1}`, "1.1", i < correct),
  );
}

describe("passPercent", () => {
  it("is 68.9 for 720 on 100–1000, the share that scales to the pass mark", () => {
    const percent = passPercent(blueprint.score);

    expect(percent).toBe(68.9);
    expect(scaledScore(percent / 100, blueprint.score)).toBe(720);
    expect(scaledScore((percent - 0.1) / 100, blueprint.score)).toBeLessThan(
      720,
    );
  });

  it("follows the blueprint's scale instead of assuming DVA-C02's", () => {
    expect(passPercent({ min: 0, max: 1000, pass: 700 })).toBe(70);
    expect(passPercent({ min: 200, max: 800, pass: 650 })).toBe(75);
  });
});

describe("scaledScore", () => {
  it("maps no correct answers to the bottom of the scale", () => {
    expect(scaledScore(0, blueprint.score)).toBe(100);
  });

  it("maps all correct answers to the top of the scale", () => {
    expect(scaledScore(1, blueprint.score)).toBe(1000);
  });

  it("reaches the pass mark at 68.9% and not at 68.8%", () => {
    // 100 + 900 × 0.689 = 720.1 and 100 + 900 × 0.688 = 719.2.
    expect(scaledScore(0.689, blueprint.score)).toBe(720);
    expect(scaledScore(0.688, blueprint.score)).toBe(719);
  });

  it("rounds half a point up, so 619.5 / 900 already scores 720", () => {
    expect(scaledScore(619.5 / 900, blueprint.score)).toBe(720);
  });

  it("keeps shares outside 0..1 on the scale", () => {
    expect(scaledScore(-0.2, blueprint.score)).toBe(100);
    expect(scaledScore(1.5, blueprint.score)).toBe(1000);
  });
});

describe("scoreExam", () => {
  // Listed out of blueprint order on purpose.
  const items = [
    item("q6", "4.2", true),
    item("q1", "1.1", true),
    item("q5", "3.4", false),
    item("q2", "1.1", false),
    item("q4", "2.1", true),
    item("q3", "1.2", true),
  ];

  it("scores the whole exam: 4 of 6 is 66.7% and 100 + 900 × 4/6 = 700", () => {
    const score = scoreExam(blueprint, items);

    expect(score.correct).toBe(4);
    expect(score.total).toBe(6);
    expect(score.percent).toBe(66.7);
    expect(score.scaled).toBe(700);
    expect(score.passed).toBe(false);
  });

  it("breaks the score down by domain, every domain listed", () => {
    const score = scoreExam(blueprint, items);

    expect(score.domains).toEqual([
      {
        number: 1,
        title: "Domain 1",
        weight: 32,
        correct: 2,
        total: 3,
        percent: 66.7,
      },
      {
        number: 2,
        title: "Domain 2",
        weight: 26,
        correct: 1,
        total: 1,
        percent: 100,
      },
      {
        number: 3,
        title: "Domain 3",
        weight: 24,
        correct: 0,
        total: 1,
        percent: 0,
      },
      {
        number: 4,
        title: "Domain 4",
        weight: 18,
        correct: 1,
        total: 1,
        percent: 100,
      },
    ]);
  });

  it("breaks the score down by the task statements that appeared, in blueprint order", () => {
    const score = scoreExam(blueprint, items);

    expect(score.tasks).toEqual([
      {
        id: "1.1",
        title: "Task 1.1",
        domain: 1,
        correct: 1,
        total: 2,
        percent: 50,
      },
      {
        id: "1.2",
        title: "Task 1.2",
        domain: 1,
        correct: 1,
        total: 1,
        percent: 100,
      },
      {
        id: "2.1",
        title: "Task 2.1",
        domain: 2,
        correct: 1,
        total: 1,
        percent: 100,
      },
      {
        id: "3.4",
        title: "Task 3.4",
        domain: 3,
        correct: 0,
        total: 1,
        percent: 0,
      },
      {
        id: "4.2",
        title: "Task 4.2",
        domain: 4,
        correct: 1,
        total: 1,
        percent: 100,
      },
    ]);
  });

  it("passes 45 of 65 (723) and fails 44 of 65 (709)", () => {
    // 100 + 900 × 45/65 = 723.08 and 100 + 900 × 44/65 = 709.23.
    const pass = scoreExam(blueprint, examWith(45));
    const fail = scoreExam(blueprint, examWith(44));

    expect(pass.scaled).toBe(723);
    expect(pass.passed).toBe(true);
    expect(fail.scaled).toBe(709);
    expect(fail.passed).toBe(false);
  });

  it("counts an item from an unknown task statement in the total only", () => {
    const score = scoreExam(blueprint, [
      item("q1", "1.1", true),
      item("q2", "1.9", true),
    ]);

    expect(score.total).toBe(2);
    expect(score.domains[0]?.total).toBe(2);
    expect(score.tasks.map((t) => t.id)).toEqual(["1.1"]);
  });

  it("scores an empty exam as zero of zero, at the bottom of the scale", () => {
    const score = scoreExam(blueprint, []);

    expect(score).toMatchObject({
      correct: 0,
      total: 0,
      percent: 0,
      scaled: 100,
      passed: false,
      tasks: [],
    });
    expect(score.domains.every((d) => d.total === 0 && d.percent === 0)).toBe(
      true,
    );
  });
});
