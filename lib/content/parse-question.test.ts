import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { loadBlueprints } from "@/lib/content/load-blueprints";
import { parseQuestion } from "@/lib/content/parse-question";
import { formatProblem } from "@/lib/content/problem";

const FILE =
  "content/questions/1.3-data-stores/session-store-for-stateless-web-tier.md";
const SOURCE = readFileSync(FILE, "utf8");
const { blueprints } = loadBlueprints();

function problemsOf(source: string, file = FILE) {
  return parseQuestion(file, source, blueprints).problems.map(formatProblem);
}

function lineOf(text: string, source = SOURCE) {
  return source.slice(0, source.indexOf(text)).split("\n").length;
}

describe("parseQuestion", () => {
  it("accepts the session-store question and keeps the key out of the public part", () => {
    const { question, problems } = parseQuestion(FILE, SOURCE, blueprints);

    expect(problems).toEqual([]);
    expect(question?.public.options.map((o) => o.letter)).toEqual([
      "A",
      "B",
      "C",
      "D",
    ]);
    expect(question?.key.answer).toEqual(["C"]);
    expect(question?.key.traps.map((t) => t.letter)).toEqual(["A", "B", "D"]);
    expect(question?.key.blueprintHtml).toContain('<pre class="shiki');
    expect(question?.key.comparisonHtml).toContain("<table>");
    expect(JSON.stringify(question?.public)).not.toMatch(
      /well under a millisecond|tempting/,
    );
  });

  it("refuses JavaScript front matter without running it", () => {
    const source = SOURCE.replace(/^---\n/, "---js\n");

    expect(problemsOf(source)).toEqual([
      `${FILE}:1:1: front matter must be plain YAML, not "---js" — ` +
        "make the first line exactly --- and put the YAML fields below it",
    ]);
  });

  it("places a front matter error on the line of the field", () => {
    const source = SOURCE.replace("difficulty: medium", "difficulty: brutal");

    expect(problemsOf(source)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${FILE}:${lineOf("difficulty:")}:13: "difficulty": .* — use easy, medium or hard$`,
        ),
      ),
    ]);
  });

  it("names a missing field and an unknown one", () => {
    const source = SOURCE.replace(/^difficulty: medium\n/m, "").replace(
      "tags:",
      "tagz:",
    );

    expect(problemsOf(source)).toEqual([
      `${FILE}:2:1: missing field "difficulty" — use easy, medium or hard`,
      `${FILE}:${lineOf("tagz:", source)}:1: unknown field "tagz" — ` +
        "remove it, or check its spelling against docs/authoring.md",
    ]);
  });

  it("reports every problem in one run", () => {
    const source = SOURCE.replace("answer: [C]", "answer: [E]")
      .replace("## Quick insight", "## Quick Insight")
      .replace("### B\n", "### Z\n");

    const problems = problemsOf(source);

    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(
      /answer names option E, which does not exist/,
    );
    expect(problems.join("\n")).toMatch(
      /"## Quick Insight" is not a section of a question/,
    );
    expect(problems.join("\n")).toMatch(
      /the section "## Quick insight" is missing/,
    );
    expect(problems.join("\n")).toMatch(/### Z names no option/);
  });

  it("checks that the task belongs to the domain and the folder", () => {
    const source = SOURCE.replace('task: "1.3"', 'task: "2.1"');

    expect(problemsOf(source)).toEqual([
      expect.stringContaining(
        "task 2.1 is not in domain 1 of dva-c02 — set domain: 2",
      ),
      expect.stringContaining(
        'task 2.1 does not match the folder "1.3-data-stores"',
      ),
    ]);
  });

  it("requires the id to match the file name", () => {
    expect(
      problemsOf(SOURCE, "content/questions/1.3-data-stores/other-name.md"),
    ).toEqual([
      expect.stringContaining(
        'the id "session-store-for-stateless-web-tier" differs from the file name',
      ),
    ]);
  });

  it("requires multiple response to say how many to choose, matching the key", () => {
    const multiple = SOURCE.replace(
      "type: multiple-choice",
      "type: multiple-response",
    )
      .replace("answer: [C]", "answer: [C, E]")
      .replace(
        "- D. An Amazon DynamoDB",
        "- E. An Amazon ElastiCache for Valkey cluster\n- D. An Amazon DynamoDB",
      );

    expect(problemsOf(multiple)).toEqual(
      expect.arrayContaining([expect.stringContaining("option E should be D")]),
    );

    const ordered = SOURCE.replace(
      "type: multiple-choice",
      "type: multiple-response",
    )
      .replace("answer: [C]", "answer: [C, E]")
      .replace(
        "with Time to Live enabled\n",
        "with Time to Live enabled\n- E. An Amazon ElastiCache for Valkey cluster\n",
      );
    expect(problemsOf(ordered)).toEqual([
      expect.stringContaining(
        "a multiple-response requirement does not say how many to choose — " +
          'end it with "(Choose two.)"',
      ),
    ]);

    const stated = ordered.replace(
      "**lowest read and write latency**?",
      "**lowest read and write latency**? (Choose three.)",
    );
    expect(problemsOf(stated)).toEqual([
      expect.stringContaining(
        'the requirement says "Choose three" but answer has 2 keys',
      ),
    ]);
  });

  it("holds multiple choice to exactly one key and four options", () => {
    const source = SOURCE.replace("answer: [C]", "answer: [C, D]");

    expect(problemsOf(source)).toEqual([
      expect.stringContaining("multiple-choice needs exactly 1 keys, not 2"),
      expect.stringContaining("option D is keyed, so it has no trap"),
    ]);
  });

  it("rejects sources that are not https pages on aws.amazon.com", () => {
    const source = SOURCE.replace(
      "https://aws.amazon.com/caching/session-management/",
      "http://example.com/aws-notes",
    );

    expect(problemsOf(source)).toEqual([
      `${FILE}:${lineOf("http://example.com", source)}:5: "http://example.com/aws-notes" is not an https page on aws.amazon.com — cite the AWS documentation page, e.g. https://docs.aws.amazon.com/…`,
    ]);
  });

  it("requires a code language it can highlight", () => {
    const source = SOURCE.replace("```bash", "```rust");

    expect(problemsOf(source)).toEqual([
      `${FILE}:${lineOf("```bash")}:1: the code language "rust" is not supported — ` +
        "use one of: bash, shell, json, yaml, javascript, typescript, python, java, text",
    ]);
  });

  it("requires a table in the comparison", () => {
    const start = SOURCE.indexOf("| Option");
    const end = SOURCE.indexOf("## Exam rule");
    const source = `${SOURCE.slice(0, start)}Memcached is fastest.\n\n${SOURCE.slice(end)}`;

    expect(problemsOf(source)).toEqual([
      expect.stringContaining(
        ":" + lineOf("## Comparison") + ":1: the comparison has no table",
      ),
    ]);
  });

  it("refuses a trap for a keyed option", () => {
    const source = SOURCE.replace("### D\n", "### C\n");

    expect(problemsOf(source)).toEqual([
      expect.stringContaining("wrong option D has no trap paragraph"),
      expect.stringContaining("option C is keyed, so it has no trap"),
    ]);
  });

  it("refuses an explanation that names an option by its letter", () => {
    const source = SOURCE.replace(
      "## Winning logic\n",
      "## Winning logic\n\nOption B is right.\n",
    );

    expect(problemsOf(source)).toEqual([
      `${FILE}:${lineOf("## Winning logic") + 2}:1: "Option B" refers to an ` +
        "option by its letter — name the option by what it says (for example " +
        "“the FIFO queue”), because each learner sees the options in a " +
        "different order",
    ]);
  });

  it.each([
    [
      "a sentence",
      "## Winning logic\n",
      "## Winning logic\n\nThe cache (C) wins.\n",
    ],
    [
      "a table cell",
      "| ElastiCache, Memcached ",
      "| ElastiCache, Memcached (C) ",
    ],
    [
      "a list of letters",
      "## Winning logic\n",
      "## Winning logic\n\nBoth (A and C) fit.\n",
    ],
  ])("refuses an option letter in parentheses in %s", (_, from, to) => {
    const source = SOURCE.replace(from, to);

    expect(problemsOf(source)).toEqual([
      expect.stringMatching(
        /: "\([A-C](?: and C)?\)" refers to an option by its letter — /,
      ),
    ]);
  });

  it("reports a table whose rows do not start with a pipe", () => {
    const table = SOURCE.slice(
      SOURCE.indexOf("| Option "),
      SOURCE.indexOf("\n\n## Exam rule"),
    );
    const bare = table
      .split("\n")
      .map((row) => row.replace(/^\| /, "").replace(/ \|$/, ""))
      .join("\n");

    expect(problemsOf(SOURCE.replace(table, bare))).toEqual([
      expect.stringContaining("the comparison has no table"),
      `${FILE}:${lineOf("| Option ")}:1: this looks like a table whose rows ` +
        'do not start with | — start and end every row with a pipe, e.g. "| ' +
        'Option | Latency |"',
    ]);
  });
});
