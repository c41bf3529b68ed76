import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import { renderMarkdown } from "@/lib/content/markdown";
import {
  checkMarkdownLimits,
  withinNestingLimit,
} from "@/lib/content/markdown-limits";
import { parseQuestion } from "@/lib/content/parse-question";
import type { Problem } from "@/lib/content/problem";
import type { Question } from "@/lib/content/question";
import { splitQuestionFile } from "@/lib/content/question-file";

export type Preview = {
  problems: Problem[];
  question: Question | null;
  /** The body rendered as plain Markdown, shown while the file is invalid. */
  bodyHtml: string;
};

/** Checks and renders a draft question exactly as the bank would. */
export function previewQuestion(
  markdown: string,
  blueprints: ReadonlyMap<string, Blueprint>,
): Preview {
  const { question, problems } = parseQuestion(
    "draft.md",
    markdown,
    blueprints,
    {
      checkFileLocation: false,
    },
  );
  if (question) return { problems, question, bodyHtml: "" };

  const split = splitQuestionFile(markdown);
  const safe = split.ok && !checkMarkdownLimits(split.body);
  const rendered = safe
    ? withinNestingLimit(() => renderMarkdown(split.body), 1)
    : null;
  return {
    problems,
    question,
    bodyHtml: rendered?.ok ? rendered.value : "",
  };
}
