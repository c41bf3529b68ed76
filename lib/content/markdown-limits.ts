import "server-only";

/**
 * Limits that keep hostile Markdown from stalling the server. Parsing is
 * linear for ordinary text, but some constructs are not: thousands of
 * emphasis markers, brackets, table pipes or quote markers in one file take
 * seconds (an author preview would block every other request meanwhile), and
 * nesting thousands of levels deep overflows the stack. Real questions use a few
 * dozen of each, so the limits leave a hundredfold margin.
 */
const CHARACTER_LIMITS = [
  { pattern: /[*_~]/g, max: 2_000, name: "emphasis markers (*, _ and ~)" },
  { pattern: /\[/g, max: 2_000, name: "opening brackets ([)" },
  { pattern: /\|/g, max: 2_000, name: "table pipes (|)" },
  { pattern: />/g, max: 1_000, name: "quote markers (>)" },
];

// A line that opens list after list ("- - - - x") nests one level per marker.
const NESTED_LIST_MARKERS = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+){50}/m;

export type LimitProblem = { line: number; message: string; fix: string };

/** The first limit the text goes over, on the line where it does. */
export function checkMarkdownLimits(
  markdown: string,
  firstLine = 1,
): LimitProblem | null {
  for (const { pattern, max, name } of CHARACTER_LIMITS) {
    const offsets = Array.from(markdown.matchAll(pattern), (m) => m.index);
    if (offsets.length <= max) continue;
    const over = offsets[max]!;
    const line =
      firstLine + (markdown.slice(0, over).match(/\n/g)?.length ?? 0);
    return {
      line,
      message: `more than ${max.toLocaleString("en")} ${name} by this line`,
      fix: "a question needs a few dozen; remove the repeated characters",
    };
  }
  const nested = NESTED_LIST_MARKERS.exec(markdown);
  if (nested) {
    return {
      line: firstLine + lineBreaksBefore(markdown, nested.index),
      message: "this line opens 50 or more lists inside one another",
      fix: "write the items as one list, or nest a few levels at most",
    };
  }
  return null;
}

function lineBreaksBefore(text: string, offset: number): number {
  return text.slice(0, offset).match(/\n/g)?.length ?? 0;
}

/**
 * Runs work that parses or renders Markdown and reports nesting too deep
 * for the parser's recursion instead of letting the stack overflow escape.
 */
export function withinNestingLimit<T>(
  work: () => T,
  line: number,
): { ok: true; value: T } | { ok: false; problem: LimitProblem } {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    const overflow =
      error instanceof RangeError && /call stack/i.test(error.message);
    if (!overflow) throw error;
    return {
      ok: false,
      problem: {
        line,
        message:
          "the Markdown nests too deeply to read (lists, quotes or " +
          "emphasis inside one another hundreds of levels deep)",
        fix: "flatten the nesting; a question needs at most a few levels",
      },
    };
  }
}
