import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import {
  byCategory,
  categoryName,
  keyedFraction,
  optionFeedback,
} from "@/lib/content/export/categories";
import type { Question } from "@/lib/content/question";

/**
 * GIFT gives ~ = # { } : and \ meaning, and a blank line ends a question, so
 * every newline becomes an HTML character reference (still a newline inside
 * <pre>, plain white space elsewhere) and the special characters are escaped.
 */
function giftText(html: string): string {
  return html.replaceAll("\n", "&#10;").replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

/** The bank in Moodle's GIFT format, with the same categories and feedback. */
export function toGift(
  blueprints: ReadonlyMap<string, Blueprint>,
  questions: Question[],
): string {
  const parts: string[] = [];
  for (const group of byCategory(blueprints, questions)) {
    parts.push(`$CATEGORY: ${categoryName(group.path)}`, "");
    for (const question of group.questions)
      parts.push(questionGift(question), "");
  }
  return parts.join("\n");
}

function questionGift(question: Question): string {
  const { public: q, key } = question;
  const single = q.type === "multiple-choice";
  const choices = q.options.map((option) => {
    const keyed = key.answer.includes(option.letter);
    const mark = single
      ? keyed
        ? "="
        : "~"
      : `~%${keyed ? keyedFraction(key.answer.length) : "-100"}%`;
    return `  ${mark}${giftText(option.html)}#${giftText(optionFeedback(question, option.letter))}`;
  });

  return [
    `::${giftText(q.id)}::[html]${giftText(q.scenarioHtml + q.requirementHtml)}{`,
    ...choices,
    `  ####${giftText(key.winningLogicHtml)}`,
    "}",
  ].join("\n");
}
