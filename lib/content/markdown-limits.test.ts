import { describe, expect, it } from "vitest";

import {
  checkMarkdownLimits,
  withinNestingLimit,
} from "@/lib/content/markdown-limits";

describe("checkMarkdownLimits", () => {
  it("lets every question of the real size through", () => {
    const markdown = "Some *emphasis*, a [link](https://aws.amazon.com/) and\n"
      .repeat(100)
      .concat("| a | b |\n| - | - |\n> a quote\n- a\n  - nested list\n");

    expect(checkMarkdownLimits(markdown)).toBeNull();
  });

  it("names the line where a limit is first passed", () => {
    const markdown = `intro\n${"_".repeat(1_500)}\n${"_".repeat(1_500)}\n`;

    expect(checkMarkdownLimits(markdown, 10)).toEqual({
      line: 12,
      message: "more than 2,000 emphasis markers (*, _ and ~) by this line",
      fix: "a question needs a few dozen; remove the repeated characters",
    });
  });
});

describe("withinNestingLimit", () => {
  it("turns a stack overflow into a problem on the given line", () => {
    const recurse = (depth: number): number => recurse(depth + 1) + 1;

    const result = withinNestingLimit(() => recurse(0), 7);

    expect(result).toEqual({
      ok: false,
      problem: expect.objectContaining({ line: 7 }),
    });
  });

  it("passes any other error through", () => {
    expect(() =>
      withinNestingLimit(() => {
        throw new TypeError("not a nesting problem");
      }, 1),
    ).toThrow("not a nesting problem");
  });
});
