import "server-only";

/**
 * Splits a question file into its YAML front matter and Markdown body,
 * refusing anything but plain YAML (`---js` front matter would be code).
 */
export type SplitFile =
  | { ok: true; frontMatter: string; body: string; bodyFirstLine: number }
  | { ok: false; line: number; message: string; fix: string };

/** Real questions are 5 to 8 KB; far larger input is a mistake or an attack. */
export const MAX_QUESTION_BYTES = 64 * 1024;

export function splitQuestionFile(source: string): SplitFile {
  const bytes = Buffer.byteLength(source);
  if (bytes > MAX_QUESTION_BYTES) {
    return {
      ok: false,
      line: 1,
      message:
        `the file is ${Math.ceil(bytes / 1024)} KB, ` +
        `more than the ${MAX_QUESTION_BYTES / 1024} KB a question may be`,
      fix: "split it into several questions, or shorten its code and tables",
    };
  }
  const lines = source
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const first = lines[0] ?? "";

  if (first !== "---") {
    return {
      ok: false,
      line: 1,
      message: first.startsWith("---")
        ? `front matter must be plain YAML, not "${first}"`
        : "the file does not start with front matter",
      fix: "make the first line exactly --- and put the YAML fields below it",
    };
  }
  const close = lines.indexOf("---", 1);
  if (close === -1) {
    return {
      ok: false,
      line: 1,
      message: "the front matter is never closed",
      fix: "add a line holding only --- after the last YAML field",
    };
  }

  return {
    ok: true,
    frontMatter: lines.slice(1, close).join("\n"),
    body: lines.slice(close + 1).join("\n"),
    bodyFirstLine: close + 2,
  };
}
