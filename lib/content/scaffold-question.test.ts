import { describe, expect, it } from "vitest";

import { loadBlueprints } from "@/lib/content/load-blueprints";
import { parseQuestion } from "@/lib/content/parse-question";
import { scaffoldQuestion } from "@/lib/content/scaffold-question";

const { blueprints } = loadBlueprints();
const blueprint = blueprints.get("dva-c02")!;

describe("scaffoldQuestion", () => {
  it.each(["multiple-choice", "multiple-response"] as const)(
    "writes a %s file that the checker accepts",
    (type) => {
      const source = scaffoldQuestion({
        blueprint,
        task: "2.2",
        type,
        id: "fresh-question",
      });

      const parsed = parseQuestion(
        "content/questions/2.2-encryption/fresh-question.md",
        source,
        blueprints,
      );

      expect(parsed.problems).toEqual([]);
      expect(parsed.question?.public.domain).toBe(2);
      expect(parsed.question?.public.choose).toBe(
        type === "multiple-choice" ? 1 : 2,
      );
    },
  );

  it("refuses a task that is not in the blueprint", () => {
    expect(() =>
      scaffoldQuestion({
        blueprint,
        task: "5.1",
        type: "multiple-choice",
        id: "x",
      }),
    ).toThrow("task 5.1 is not in the dva-c02 blueprint");
  });
});
