import "server-only";

import { toString } from "mdast-util-to-string";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import type { FrontMatter, SectionName } from "@/lib/content/question";
import type {
  LineOf,
  Report,
  Section,
  Trap,
  Where,
} from "@/lib/content/rules/types";

const COUNT_WORDS = ["zero", "one", "two", "three", "four", "five", "six"];

/**
 * Holds the keys and options to the response type's rules, and a
 * multiple-response requirement's "Choose N" to the number of keys.
 */
export function checkAnswer(
  meta: FrontMatter,
  blueprint: Blueprint,
  letters: string[],
  where: Where,
  report: Report,
  lineOf: LineOf,
  sections: Map<SectionName, Section>,
) {
  const rules = blueprint.responseTypes[meta.type];
  const answerAt = where("answer");
  const inRange = (n: number, r: { min: number; max?: number }) =>
    n >= r.min && (r.max === undefined || n <= r.max);
  const describe = (r: { min: number; max?: number }) =>
    r.max === undefined
      ? `${r.min} or more`
      : r.min === r.max
        ? `exactly ${r.min}`
        : `${r.min} to ${r.max}`;

  if (!inRange(meta.answer.length, rules.keys)) {
    report(
      answerAt.line,
      answerAt.column,
      `${meta.type} needs ${describe(rules.keys)} keys, not ${meta.answer.length}`,
      "change answer, or the type",
    );
  }
  if (!inRange(letters.length, rules.options)) {
    const at = lineOf(sections.get("Options")!.heading);
    report(
      at.line,
      at.column,
      `${meta.type} needs ${describe(rules.options)} options, not ${letters.length}`,
      "add or remove options, or change the type",
    );
  }
  if (new Set(meta.answer).size !== meta.answer.length) {
    report(
      answerAt.line,
      answerAt.column,
      "answer names the same option twice",
      "list each keyed letter once",
    );
  }
  meta.answer.forEach((key, index) => {
    if (!letters.includes(key)) {
      const at = where("answer", index);
      report(
        at.line,
        at.column,
        `answer names option ${key}, which does not exist`,
        `use letters from ${letters[0]} to ${letters.at(-1)}`,
      );
    }
  });

  const requirement = sections.get("Requirement");
  if (!requirement) return;
  const text = requirement.nodes.map((node) => toString(node)).join(" ");
  const choose = /choose (two|three|four|five|six|\d)\b/i.exec(text);
  const at = lineOf(requirement.heading);
  if (meta.type === "multiple-response") {
    const count = choose
      ? COUNT_WORDS.indexOf(choose[1]!.toLowerCase()) === -1
        ? Number(choose[1])
        : COUNT_WORDS.indexOf(choose[1]!.toLowerCase())
      : null;
    if (count === null) {
      report(
        at.line,
        at.column,
        "a multiple-response requirement does not say how many to choose",
        `end it with "(Choose ${COUNT_WORDS[meta.answer.length] ?? meta.answer.length}.)"`,
      );
    } else if (count !== meta.answer.length) {
      report(
        at.line,
        at.column,
        `the requirement says "Choose ${choose![1]}" but answer has ${meta.answer.length} keys`,
        "make the two agree",
      );
    }
  } else if (choose) {
    report(
      at.line,
      at.column,
      `a multiple-choice requirement says "${choose[0]}"`,
      "remove it, or make the question multiple-response",
    );
  }
}

/** Every wrong option has one trap; keyed or missing options have none. */
export function checkTraps(
  meta: FrontMatter,
  letters: string[],
  traps: Trap[],
  section: Section | undefined,
  lineOf: LineOf,
  report: Report,
) {
  if (!section) return;
  const seen = new Set<string>();
  for (const trap of traps) {
    const { line, column } = lineOf(trap.heading);
    if (seen.has(trap.letter)) {
      report(
        line,
        column,
        `option ${trap.letter} has two trap paragraphs`,
        "merge them under one ### heading",
      );
    } else if (!letters.includes(trap.letter)) {
      report(
        line,
        column,
        `### ${trap.letter} names no option`,
        `remove it, or use a letter from ${letters[0]} to ${letters.at(-1)}`,
      );
    } else if (meta.answer.includes(trap.letter)) {
      report(
        line,
        column,
        `option ${trap.letter} is keyed, so it has no trap`,
        "remove this trap; explain the keyed options under ## Winning logic",
      );
    } else if (trap.nodes.length === 0) {
      report(
        line,
        column,
        `the trap for option ${trap.letter} is empty`,
        "say why the option is tempting and why it fails",
      );
    }
    seen.add(trap.letter);
  }
  // Which options need a trap is unknown until every key names an option.
  if (!meta.answer.every((key) => letters.includes(key))) return;
  const heading = lineOf(section.heading);
  for (const letter of letters) {
    if (!meta.answer.includes(letter) && !seen.has(letter)) {
      report(
        heading.line,
        heading.column,
        `wrong option ${letter} has no trap paragraph`,
        `add "### ${letter}" under ## Traps saying why ${letter} is wrong`,
      );
    }
  }
}
