import { describe, expect, it } from "vitest";

import type { PublicQuestion } from "@/lib/content/question";
import { DrillFiltersSchema } from "@/lib/drills/drill-filters";
import {
  MAX_DRILL_QUESTIONS,
  selectDrillQuestions,
} from "@/lib/drills/select-drill-questions";

function question(
  id: string,
  fields: Partial<PublicQuestion> = {},
): PublicQuestion {
  return {
    id,
    exam: "dva-c02",
    domain: 1,
    task: "1.1",
    type: "multiple-choice",
    difficulty: "medium",
    services: ["Amazon S3"],
    choose: 1,
    scenarioHtml: "",
    requirementHtml: "",
    options: [],
    ...fields,
  };
}

const BANK = [
  question("a", { domain: 1, task: "1.1", services: ["AWS Lambda"] }),
  question("b", { domain: 1, task: "1.2", difficulty: "hard" }),
  question("c", { domain: 2, task: "2.1", services: ["Amazon Cognito"] }),
  question("d", { domain: 2, task: "2.2" }),
];
const NONE = {
  seen: new Set<string>(),
  missed: new Set<string>(),
  bookmarked: new Set<string>(),
};
const filters = (input: object) => DrillFiltersSchema.parse(input);

describe("selectDrillQuestions", () => {
  it("keeps only the questions of the chosen domain, task, service and difficulty", () => {
    expect(
      selectDrillQuestions(
        BANK,
        filters({ domain: 2 }),
        NONE,
      ).questionIds.sort(),
    ).toEqual(["c", "d"]);
    expect(
      selectDrillQuestions(BANK, filters({ task: "1.2" }), NONE).questionIds,
    ).toEqual(["b"]);
    expect(
      selectDrillQuestions(BANK, filters({ service: "AWS Lambda" }), NONE)
        .questionIds,
    ).toEqual(["a"]);
    expect(
      selectDrillQuestions(BANK, filters({ difficulty: "hard" }), NONE)
        .questionIds,
    ).toEqual(["b"]);
  });

  it("draws from unseen, missed or bookmarked questions when asked", () => {
    const history = {
      seen: new Set(["a", "b"]),
      missed: new Set(["b"]),
      bookmarked: new Set(["d"]),
    };

    expect(
      selectDrillQuestions(
        BANK,
        filters({ status: "unseen" }),
        history,
      ).questionIds.sort(),
    ).toEqual(["c", "d"]);
    expect(
      selectDrillQuestions(BANK, filters({ status: "missed" }), history)
        .questionIds,
    ).toEqual(["b"]);
    expect(
      selectDrillQuestions(BANK, filters({ status: "bookmarked" }), history)
        .questionIds,
    ).toEqual(["d"]);
  });

  it("cuts the shuffled matches to the drill size and reports how many matched", () => {
    const many = Array.from({ length: 30 }, (_, n) => question(`q${n}`));

    const { questionIds, matched } = selectDrillQuestions(
      many,
      filters({ count: 20 }),
      NONE,
    );

    expect(matched).toBe(30);
    expect(questionIds).toHaveLength(20);
    expect(new Set(questionIds).size).toBe(20);
  });

  it("shuffles, so two drills rarely start alike", () => {
    const many = Array.from({ length: 30 }, (_, n) => question(`q${n}`));
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

    const first = selectDrillQuestions(
      many,
      filters({ count: "all" }),
      NONE,
      random,
    ).questionIds;
    const second = selectDrillQuestions(
      many,
      filters({ count: "all" }),
      NONE,
      random,
    ).questionIds;

    expect(first).not.toEqual(second);
    expect([...first].sort()).toEqual([...second].sort());
  });

  it("refuses a drill size it does not offer, saying which ones it does", () => {
    const parsed = DrillFiltersSchema.safeParse({ count: 7 });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'must be 10, 20, 50 or "all"',
    );
  });

  it('stops "all" at the most a session can carry', () => {
    const many = Array.from({ length: 400 }, (_, n) => question(`q${n}`));

    const { questionIds, matched } = selectDrillQuestions(
      many,
      filters({ count: "all" }),
      NONE,
    );

    expect(matched).toBe(400);
    expect(questionIds).toHaveLength(MAX_DRILL_QUESTIONS);
  });
});
