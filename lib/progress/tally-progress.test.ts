import { describe, expect, it } from "vitest";

import { loadBlueprints } from "@/lib/content/load-blueprints";
import type { PublicQuestion } from "@/lib/content/question";
import { dailyActivity, tallyProgress } from "@/lib/progress/tally-progress";

const blueprint = loadBlueprints().blueprints.get("dva-c02")!;

const q = (id: string, domain: number, task: string) =>
  ({ id, domain, task }) as PublicQuestion;
const QUESTIONS = [q("a", 1, "1.1"), q("b", 1, "1.1"), q("c", 2, "2.1")];
const at = (day: number) => `2026-12-0${day}T10:00:00.000Z`;

describe("tallyProgress", () => {
  it("counts coverage, mastery at the last try, and accuracy over all answers", () => {
    const { tasks, domains } = tallyProgress(blueprint, QUESTIONS, [
      { questionId: "a", correct: false, createdAt: at(1) },
      { questionId: "a", correct: true, createdAt: at(2) },
      { questionId: "b", correct: true, createdAt: at(2) },
      { questionId: "b", correct: false, createdAt: at(3) },
    ]);

    expect(tasks.find((t) => t.id === "1.1")).toMatchObject({
      questions: 2,
      seen: 2,
      mastered: 1,
      attempts: 4,
      correct: 2,
    });
    expect(tasks.find((t) => t.id === "2.1")).toMatchObject({
      questions: 1,
      seen: 0,
    });
    expect(domains.map((d) => [d.number, d.questions, d.attempts])).toEqual([
      [1, 2, 4],
      [2, 1, 0],
      [3, 0, 0],
      [4, 0, 0],
    ]);
  });

  it("lists every task statement of the blueprint, answered or not", () => {
    const { tasks } = tallyProgress(blueprint, QUESTIONS, []);

    expect(tasks.map((t) => t.id)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "2.1",
      "2.2",
      "2.3",
      "3.1",
      "3.2",
      "3.3",
      "3.4",
      "4.1",
      "4.2",
      "4.3",
    ]);
  });

  it("ignores answers to questions that left the bank", () => {
    const { domains } = tallyProgress(blueprint, QUESTIONS, [
      { questionId: "gone", correct: true, createdAt: at(1) },
    ]);

    expect(domains.every((d) => d.attempts === 0)).toBe(true);
  });
});

describe("dailyActivity", () => {
  it("gives one entry per UTC day, today last, zero on quiet days", () => {
    const days = dailyActivity(
      [
        {
          questionId: "a",
          correct: true,
          createdAt: "2026-12-03T23:59:00.000Z",
        },
        {
          questionId: "b",
          correct: false,
          createdAt: "2026-12-03T00:00:00.000Z",
        },
        {
          questionId: "c",
          correct: true,
          createdAt: "2026-12-01T12:00:00.000Z",
        },
      ],
      "2026-12-03",
      3,
    );

    expect(days).toEqual([
      { day: "2026-12-01", answered: 1, correct: 1 },
      { day: "2026-12-02", answered: 0, correct: 0 },
      { day: "2026-12-03", answered: 2, correct: 1 },
    ]);
  });
});
