import { describe, expect, it } from "vitest";

import { optionOrder } from "@/lib/questions/option-order";

const LETTERS = ["A", "B", "C", "D", "E"];

describe("optionOrder", () => {
  it("is a permutation of the letters", () => {
    const order = optionOrder("learner-1", "question-1", LETTERS);

    expect([...order].sort()).toEqual(LETTERS);
  });

  it("gives one learner the same order every time", () => {
    expect(optionOrder("learner-1", "q", LETTERS)).toEqual(
      optionOrder("learner-1", "q", LETTERS),
    );
  });

  it("puts each option first for some learners and not others", () => {
    const firsts = new Map<string, number>();
    for (let n = 0; n < 1000; n++) {
      const first = optionOrder(`learner-${n}`, "q", LETTERS)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }

    // Each of the five letters leads about 200 times in 1,000; a fixed or
    // badly skewed order would leave some letter far outside this band.
    for (const letter of LETTERS) {
      expect(firsts.get(letter)).toBeGreaterThan(140);
      expect(firsts.get(letter)).toBeLessThan(260);
    }
  });
});
