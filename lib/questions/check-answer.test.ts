import { describe, expect, it } from "vitest";

import { isCorrect } from "@/lib/questions/check-answer";

describe("isCorrect", () => {
  it("accepts exactly the keyed option", () => {
    expect(isCorrect(["C"], ["C"])).toBe(true);
  });

  it("accepts the keyed options in any order", () => {
    expect(isCorrect(["E", "B"], ["B", "E"])).toBe(true);
  });

  it("rejects a wrong option", () => {
    expect(isCorrect(["D"], ["C"])).toBe(false);
  });

  it("rejects a partial answer to a multiple-response question", () => {
    expect(isCorrect(["B"], ["B", "E"])).toBe(false);
  });

  it("rejects an extra option next to the right one", () => {
    expect(isCorrect(["B", "C", "E"], ["B", "E"])).toBe(false);
  });
});
