import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { loadBlueprints } from "@/lib/content/load-blueprints";
import { parseQuestion } from "@/lib/content/parse-question";
import { previewQuestion } from "@/lib/content/preview-question";
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
      const result = parseQuestion(FILE, source, blueprints);

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

  it.each([
    ["quotes nested 20,000 deep", `${">".repeat(20_000)} x`, /1,000 quote/],
    ["lists opened 60 times on one line", `${"- ".repeat(60)}x`, /50 or more/],
    ["14,000 emphasis markers", "*a**".repeat(5_000), /2,000 emphasis/],
    ["10,000 opening brackets", "[a](".repeat(10_000), /2,000 opening/],
    ["a table 5,000 columns wide", `|${"a|".repeat(5_000)}`, /2,000 table/],
  ])("reports %s on its line instead of stalling", (_, markdown, message) => {
    const source = GOOD.replace(
      "## Scenario\n",
      `## Scenario\n\n${markdown}\n`,
    );
    const line = GOOD.slice(0, GOOD.indexOf("## Scenario")).split("\n").length;

    const { question, problems } = parseQuestion(FILE, source, blueprints);

    expect(question).toBeNull();
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(message);
    expect(problems[0]!.line).toBe(line + 2);
  });

  it("previews an over-limit draft without rendering it", () => {
    const draft = GOOD.replace(
      "## Scenario\n",
      `## Scenario\n\n${"*a**".repeat(5_000)}\n`,
    );

    const preview = previewQuestion(draft, blueprints);

    expect(preview.question).toBeNull();
    expect(preview.bodyHtml).toBe("");
    expect(preview.problems).toHaveLength(1);
  });

  it("accepts Windows line endings and a byte order mark", () => {
    const { problems } = parseQuestion(
      FILE,
      `\uFEFF${GOOD.replaceAll("\n", "\r\n")}`,
      blueprints,
    );

    expect(problems).toEqual([]);
  });
});
