import "server-only";

import type { Code, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

import { CODE_LANGUAGES } from "@/lib/content/markdown";
import { SECTIONS, type SectionName } from "@/lib/content/question";
import type { LineOf, Report, Section, Trap } from "@/lib/content/rules/types";

/**
 * Groups the body's nodes under their `##` sections, and the traps under their
 * `### X` headings, reporting headings and text that fit nowhere.
 */
export function splitSections(
  nodes: RootContent[],
  lineOf: LineOf,
  report: Report,
  firstLine: number,
) {
  const sections = new Map<SectionName, Section>();
  const traps: Trap[] = [];
  let current: Section | null = null;
  let trap: Trap | null = null;
  // Under a heading already reported as wrong, further text is not reported.
  const IGNORED = { nodes: [] } as unknown as Section;

  for (const node of nodes) {
    const { line, column } = lineOf(node);
    if (node.type === "heading" && node.depth <= 2) {
      const name = toString(node).trim();
      trap = null;
      if (node.depth === 1 || !(SECTIONS as readonly string[]).includes(name)) {
        report(
          line,
          column,
          `"${"#".repeat(node.depth)} ${name}" is not a section of a question`,
          `use "## " with one of: ${SECTIONS.join(", ")}`,
        );
        current = IGNORED;
        continue;
      }
      if (sections.has(name as SectionName)) {
        report(
          line,
          column,
          `the section "## ${name}" appears twice`,
          "merge the two into one",
        );
        current = IGNORED;
        continue;
      }
      current = { name: name as SectionName, heading: node, nodes: [] };
      sections.set(current.name, current);
      continue;
    }
    if (!current) {
      // An HTML comment above the first section is an author's note; raw HTML
      // is never rendered, so it is harmless.
      if (node.type !== "html" || sections.size > 0) {
        report(
          line || firstLine,
          column,
          "text outside any section",
          'move it under a section heading such as "## Scenario"',
        );
      }
      continue;
    }
    if (
      current.name === "Traps" &&
      node.type === "heading" &&
      node.depth === 3
    ) {
      const letter = toString(node).trim();
      trap = { letter, heading: node, nodes: [] };
      if (!/^[A-Z]$/.test(letter)) {
        report(
          line,
          column,
          `the trap heading "### ${letter}" is not an option letter`,
          "write ### followed by the letter of a wrong option, e.g. ### B",
        );
      } else {
        traps.push(trap);
      }
      continue;
    }
    if (current.name === "Traps" && !trap) {
      report(
        line,
        column,
        "text under ## Traps that belongs to no option",
        "put each trap under its own ### X heading",
      );
      continue;
    }
    (trap ?? current).nodes.push(node);
  }
  return { sections, traps };
}

/** Every section is present once, in order, and not empty. */
export function checkSectionsPresent(
  sections: Map<SectionName, Section>,
  lineOf: LineOf,
  report: Report,
  lastLine: number,
) {
  let previousIndex = -1;
  for (const section of sections.values()) {
    const index = SECTIONS.indexOf(section.name);
    const { line, column } = lineOf(section.heading);
    if (index < previousIndex) {
      report(
        line,
        column,
        `"## ${section.name}" is out of order`,
        `order the sections: ${SECTIONS.join(", ")}`,
      );
    }
    previousIndex = Math.max(previousIndex, index);
    if (section.nodes.length === 0 && section.name !== "Traps") {
      report(
        line,
        column,
        `the section "## ${section.name}" is empty`,
        "write its content below the heading",
      );
    }
  }

  SECTIONS.forEach((name, index) => {
    if (sections.has(name)) return;
    const next = SECTIONS.slice(index + 1).find((later) => sections.has(later));
    const at = next
      ? lineOf(sections.get(next)!.heading)
      : { line: lastLine, column: 1 };
    const after = index > 0 ? ` after "## ${SECTIONS[index - 1]}"` : " first";
    report(
      at.line,
      at.column,
      `the section "## ${name}" is missing`,
      `add it${after}`,
    );
  });
}

/** Every fenced code block names a language the highlighter loads. */
export function checkCodeBlocks(
  nodes: RootContent[],
  lineOf: LineOf,
  report: Report,
) {
  const visit = (node: RootContent) => {
    if (node.type === "code") checkCode(node, lineOf, report);
    if ("children" in node) (node.children as RootContent[]).forEach(visit);
  };
  nodes.forEach(visit);
}

function checkCode(node: Code, lineOf: LineOf, report: Report) {
  const { line, column } = lineOf(node);
  const languages = CODE_LANGUAGES.join(", ");
  if (!node.lang) {
    report(
      line,
      column,
      "a code block has no language",
      `name one after the opening fence, e.g. \`\`\`bash; supported: ${languages}`,
    );
  } else if (!(CODE_LANGUAGES as readonly string[]).includes(node.lang)) {
    report(
      line,
      column,
      `the code language "${node.lang}" is not supported`,
      `use one of: ${languages}`,
    );
  }
}

// A GFM delimiter row such as "--- | :---:", written without its outer pipes.
const BARE_DELIMITER_ROW =
  /\n[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*(?:\n|$)/;

/**
 * Tables are only recognised where each row starts with "|" (see
 * lib/content/markdown.ts), so a table whose rows leave the outer pipes out
 * would reach the reader as a paragraph of pipes and dashes.
 */
export function checkTableRowsStartWithPipe(
  nodes: RootContent[],
  lineOf: LineOf,
  report: Report,
) {
  for (const node of nodes) {
    if (node.type !== "paragraph") continue;
    // Two trailing spaces end a line with a hard break, which has no text.
    const text = node.children
      .map((child) => (child.type === "break" ? "\n" : toString(child)))
      .join("");
    if (!BARE_DELIMITER_ROW.test(text)) continue;
    const { line, column } = lineOf(node);
    report(
      line,
      column,
      "this looks like a table whose rows do not start with |",
      'start and end every row with a pipe, e.g. "| Option | Latency |"',
    );
  }
}

/** Sections that need a particular kind of content, not just any text. */
const REQUIRED_CONTENT = [
  {
    section: "Technical blueprint",
    type: "code",
    message: "the technical blueprint has no code block",
    fix: "add a fenced code block (CLI, SDK code, a template or a policy)",
  },
  {
    section: "Comparison",
    type: "table",
    message: "the comparison has no table",
    fix: "add a Markdown table comparing the options",
  },
] as const;

export function checkRequiredContent(
  sections: Map<SectionName, Section>,
  lineOf: LineOf,
  report: Report,
) {
  for (const rule of REQUIRED_CONTENT) {
    const section = sections.get(rule.section);
    if (!section || section.nodes.length === 0) continue;
    if (section.nodes.some((node) => node.type === rule.type)) continue;
    const { line, column } = lineOf(section.heading);
    report(line, column, rule.message, rule.fix);
  }
}

const LETTER_REFERENCE =
  /\b(?:[Oo]ptions?|[Aa]nswers?|[Cc]hoices?) [A-F]\b|\([A-F](?:(?:, | and | or )[A-F])*\)/;

/**
 * Options are shown in a different order to each learner, so an explanation
 * that says "option B", tags a sentence or a table row "(B)", or labels a
 * table row "B" points at the wrong option for most of them. Trap headings
 * are fine: the app relabels them.
 */
export function checkNoOptionLetters(
  sections: Map<SectionName, Section>,
  traps: Trap[],
  lineOf: LineOf,
  report: Report,
) {
  const fix =
    "name the option by what it says (for example “the FIFO queue”), " +
    "because each learner sees the options in a different order";
  const visit = (node: RootContent) => {
    const found = letterReference(node);
    if (found) {
      const { line, column } = lineOf(node);
      report(line, column, found, fix);
    }
    if ("children" in node) (node.children as RootContent[]).forEach(visit);
  };

  for (const [name, section] of sections) {
    if (name !== "Options") section.nodes.forEach(visit);
  }
  traps.forEach((trap) => trap.nodes.forEach(visit));
}

function letterReference(node: RootContent): string | null {
  if (node.type === "text") {
    const match = LETTER_REFERENCE.exec(node.value);
    return match ? `"${match[0]}" refers to an option by its letter` : null;
  }
  if (node.type === "tableRow") {
    const first = node.children[0] ? toString(node.children[0]).trim() : "";
    return /^[A-F]\.?$/.test(first)
      ? `the table row "${first}" refers to an option by its letter`
      : null;
  }
  return null;
}
