import "server-only";

import { parse as parseYaml } from "yaml";

import { renderMarkdown } from "@/lib/questions/render-markdown";
import {
  FrontMatterSchema,
  type Question,
} from "@/lib/questions/question-schema";

export class QuestionFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = "QuestionFormatError";
  }
}

type Section = { title: string; line: number; body: string };

const OPTION = /^- ([A-Z])\. (.+)$/;

/**
 * Turns one question file into its public part and its answer key. The front
 * matter is read as plain YAML only: nothing in a file is ever executed.
 */
export function parseQuestion(file: string, source: string): Question {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  if (lines[0] !== "---") {
    throw new QuestionFormatError(
      file,
      1,
      "the file must start with a --- line opening YAML front matter",
    );
  }
  const close = lines.indexOf("---", 1);
  if (close === -1) {
    throw new QuestionFormatError(
      file,
      1,
      "the front matter is never closed: add a --- line after it",
    );
  }

  const front = FrontMatterSchema.safeParse(
    parseYaml(lines.slice(1, close).join("\n")),
  );
  if (!front.success) {
    const issue = front.error.issues[0];
    throw new QuestionFormatError(
      file,
      2,
      `front matter ${issue?.path.join(".")}: ${issue?.message}`,
    );
  }
  const meta = front.data;

  const sections = splitSections(lines, close + 1);
  const section = (title: string) => {
    const found = sections.find((s) => s.title === title);
    if (!found)
      throw new QuestionFormatError(
        file,
        close + 2,
        `add a "## ${title}" section`,
      );
    return found;
  };

  const optionsSection = section("Options");
  const options = optionsSection.body
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const match = OPTION.exec(line.trim());
      if (!match?.[1] || !match[2]) {
        throw new QuestionFormatError(
          file,
          optionsSection.line + 1 + index,
          'write each option as "- A. text"',
        );
      }
      return { letter: match[1], html: renderMarkdown(match[2]) };
    });

  const letters = options.map((o) => o.letter);
  const missing = meta.answer.find((letter) => !letters.includes(letter));
  if (missing) {
    throw new QuestionFormatError(
      file,
      2,
      `answer names option ${missing}, which does not exist`,
    );
  }

  const traps = sections
    .filter((s) => s.title.startsWith("Traps/"))
    .map((s) => ({
      letter: s.title.slice("Traps/".length),
      html: renderMarkdown(s.body),
    }));

  return {
    public: {
      id: meta.id,
      exam: meta.exam,
      domain: meta.domain,
      task: meta.task,
      type: meta.type,
      scenarioHtml: renderMarkdown(section("Scenario").body),
      requirementHtml: renderMarkdown(section("Requirement").body),
      options,
    },
    key: {
      answer: meta.answer,
      quickInsightHtml: renderMarkdown(section("Quick insight").body),
      winningLogicHtml: renderMarkdown(section("Winning logic").body),
      traps,
      sources: meta.sources,
    },
  };
}

/** Splits the body at `## ` headings; `### X` under Traps becomes "Traps/X". */
function splitSections(lines: string[], from: number): Section[] {
  const sections: Section[] = [];
  let parent = "";
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const h2 = /^## (.+)$/.exec(line);
    const h3 = /^### (.+)$/.exec(line);
    if (h2?.[1]) {
      parent = h2[1].trim();
      sections.push({ title: parent, line: i + 1, body: "" });
    } else if (h3?.[1] && parent === "Traps") {
      sections.push({ title: `Traps/${h3[1].trim()}`, line: i + 1, body: "" });
    } else if (sections.length > 0) {
      const current = sections[sections.length - 1]!;
      current.body += `${line}\n`;
    }
  }
  return sections;
}
