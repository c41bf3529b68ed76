import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { loadBlueprints } from "@/lib/content/load-blueprints";
import { parseQuestion } from "@/lib/content/parse-question";
import { formatProblem } from "@/lib/content/problem";

const FILE =
  "content/questions/1.3-data-stores/session-store-for-stateless-web-tier.md";
const GOOD = readFileSync(FILE, "utf8");
const { blueprints } = loadBlueprints();

const billionLaughs = [
  "---",
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "---",
].join("\n");

const HOSTILE: [string, string][] = [
  ["an empty file", ""],
  [
    "only a BOM and CRLF front matter",
    `\uFEFF${GOOD.replaceAll("\n", "\r\n")}`,
  ],
  ["JavaScript front matter", GOOD.replace(/^---/, "---javascript")],
  [
    "a YAML custom tag",
    GOOD.replace("difficulty: medium", "difficulty: !!js/function 'return 1'"),
  ],
  ["a YAML alias bomb", billionLaughs],
  [
    "duplicate keys",
    GOOD.replace("difficulty: medium", "difficulty: medium\ndifficulty: hard"),
  ],
  [
    "a number where text belongs",
    GOOD.replace("id: session-store-for-stateless-web-tier", "id: 12"),
  ],
  ["an answer that is not a list", GOOD.replace("answer: [C]", "answer: C")],
  ["front matter that is a list", "---\n- a\n- b\n---\n## Scenario\n"],
  [
    "an unclosed code fence",
    GOOD.replace("```bash\n", "```bash\n").replace(
      /```\n\nEach request/,
      "\nEach request",
    ),
  ],
  [
    "a file far larger than any question",
    `${GOOD}\n${Array.from({ length: 500 }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n")}`,
  ],
  [
    "lists nested as deep as the size limit allows",
    `${GOOD}\n${Array.from({ length: 230 }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n")}`,
  ],
  [
    "a very long line",
    GOOD.replace("A startup runs", `${"word ".repeat(11_000)}A startup runs`),
  ],
  ["binary noise", "\u0000\u0001\u0002---\n\u0000"],
  [
    "options written as HTML",
    GOOD.replace(
      "- A. An Amazon RDS",
      "<ul><li>A. An Amazon RDS</li></ul>\n\n- A. An Amazon RDS",
    ),
  ],
  [
    "a heading inside an option list",
    GOOD.replace("- B. An Amazon EFS", "## Options\n- B. An Amazon EFS"),
  ],
];

describe("parseQuestion on hostile files", () => {
  it.each(HOSTILE)(
    "reports %s as problems instead of throwing or hanging",
    (_, source) => {
      const started = performance.now();

      const result = parseQuestion(FILE, source, blueprints);

      expect(performance.now() - started).toBeLessThan(10_000);
      if (result.question) {
        expect(result.problems).toEqual([]);
        const html = JSON.stringify(result.question);
        expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
      } else {
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(formatProblem(problem)).toMatch(
            /^content\/.+\.md:\d+:\d+: .+ — .+$/,
          );
        }
      }
    },
  );

  it("accepts Windows line endings and a byte order mark", () => {
    const { problems } = parseQuestion(
      FILE,
      `\uFEFF${GOOD.replaceAll("\n", "\r\n")}`,
      blueprints,
    );

    expect(problems).toEqual([]);
  });
});
