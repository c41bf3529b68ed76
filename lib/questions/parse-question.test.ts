import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import {
  parseQuestion,
  QuestionFormatError,
} from "@/lib/questions/parse-question";

const SESSION_STORE =
  "content/questions/1.3-data-stores/session-store-for-stateless-web-tier.md";

function question(overrides: { front?: string; body?: string } = {}) {
  const front =
    overrides.front ??
    [
      "id: sample-question",
      "exam: dva-c02",
      "domain: 1",
      'task: "1.3"',
      "type: multiple-choice",
      "difficulty: easy",
      "answer: [B]",
      "sources: [https://docs.aws.amazon.com/]",
    ].join("\n");
  const body =
    overrides.body ??
    [
      "## Scenario",
      "A team stores things.",
      "## Requirement",
      "Which store?",
      "## Options",
      "- A. One",
      "- B. Two",
      "## Quick insight",
      "Insight.",
      "## Winning logic",
      "Logic.",
      "## Traps",
      "### A",
      "Trap A.",
    ].join("\n");
  return `---\n${front}\n---\n${body}\n`;
}

describe("parseQuestion", () => {
  it("splits the session-store question into a public part and an answer key", () => {
    const parsed = parseQuestion(
      SESSION_STORE,
      readFileSync(SESSION_STORE, "utf8"),
    );

    expect(parsed.public.options.map((o) => o.letter)).toEqual([
      "A",
      "B",
      "C",
      "D",
    ]);
    expect(parsed.public.options[2]?.html).toContain(
      "ElastiCache for Memcached",
    );
    expect(parsed.key.answer).toEqual(["C"]);
    expect(parsed.key.traps.map((t) => t.letter)).toEqual(["A", "B", "D"]);
    expect(JSON.stringify(parsed.public)).not.toMatch(
      /answer|Winning|single-digit/i,
    );
  });

  it("keeps raw HTML and script out of the rendered Markdown", () => {
    const parsed = parseQuestion(
      "evil.md",
      question({
        body: [
          "## Scenario",
          '<script>alert(1)</script><img src=x onerror="alert(2)">',
          "[click](javascript:alert(3))",
          "## Requirement",
          "Which?",
          "## Options",
          "- A. <b onclick=alert(4)>One</b>",
          "- B. Two",
          "## Quick insight",
          "x",
          "## Winning logic",
          "y",
        ].join("\n"),
      }),
    );

    const html = parsed.public.scenarioHtml + parsed.public.options[0]?.html;
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(html).toContain("click");
  });

  it("reports a missing section with the file and line", () => {
    const source = question({ body: "## Scenario\nText\n" });

    expect(() => parseQuestion("q.md", source)).toThrow(
      new QuestionFormatError("q.md", 11, 'add a "## Options" section'),
    );
  });

  it("reports a malformed option on its own line", () => {
    const source = question().replace("- B. Two", "* B Two");

    expect(() => parseQuestion("q.md", source)).toThrow(
      /^q\.md:17: write each option as "- A\. text"$/,
    );
  });

  it("refuses an answer key that names no option", () => {
    const source = question().replace("answer: [B]", "answer: [E]");

    expect(() => parseQuestion("q.md", source)).toThrow(
      /answer names option E, which does not exist/,
    );
  });

  it("never evaluates JavaScript front matter", () => {
    const source = `---js\n{ id: (() => { throw new Error("ran") })() }\n---\n`;

    expect(() => parseQuestion("q.md", source)).toThrow(
      /must start with a --- line/,
    );
  });
});
