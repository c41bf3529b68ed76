import "server-only";

import type { ListItem, RootContent } from "mdast";

import { renderNodes } from "@/lib/content/markdown";
import type { LineOf, Report, Section } from "@/lib/content/rules/types";

const OPTION_PREFIX = /^([A-Z])\.\s+\S/;

/** The options, written "- X. text" and lettered from A, rendered. */
export function readOptions(
  section: Section | undefined,
  body: string,
  lineOf: LineOf,
  report: Report,
): { letter: string; html: string }[] | null {
  if (!section || section.nodes.length === 0) return null;

  const [list, ...rest] = section.nodes;
  if (list?.type !== "list" || list.ordered || rest.length > 0) {
    const { line, column } = lineOf(list ?? section.heading);
    report(
      line,
      column,
      "## Options must hold one bullet list and nothing else",
      'write one line per option: "- A. text"',
    );
    return null;
  }

  let valid = true;
  const options = list.children.map((item: ListItem, index) => {
    const { line, column } = lineOf(item);
    const raw = body.slice(
      item.position?.start.offset ?? 0,
      item.position?.end.offset ?? 0,
    );
    const text = raw.replace(/^[-*+]\s+/, "");
    const match = OPTION_PREFIX.exec(text);
    const expected = String.fromCharCode(65 + index);
    if (!match) {
      report(
        line,
        column,
        "an option does not start with its letter",
        `write it as "- ${expected}. text"`,
      );
      valid = false;
      return { letter: "?", html: "" };
    }
    if (match[1] !== expected) {
      report(
        line,
        column,
        `option ${match[1]} should be ${expected}`,
        "letter the options A, B, C… in order with no gaps",
      );
      valid = false;
    }
    return { letter: match[1]!, html: renderNodes(withoutLetter(item)) };
  });
  return valid ? options : null;
}

/** The option's own nodes, with its leading "A. " taken off. */
function withoutLetter(item: ListItem): RootContent[] {
  const [first, ...rest] = item.children;
  if (first?.type !== "paragraph") return item.children;
  const [text, ...inline] = first.children;
  if (text?.type !== "text") return item.children;
  const trimmed = { ...text, value: text.value.replace(/^[A-Z]\.\s+/, "") };
  return [{ ...first, children: [trimmed, ...inline] }, ...rest];
}
