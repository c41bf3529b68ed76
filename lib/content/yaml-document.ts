import "server-only";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { ZodError } from "zod";

import type { Problem } from "@/lib/content/problem";

type Where = { line: number; column: number };

/**
 * A YAML document read as data only (no custom tags, nothing evaluated), able
 * to say on which line and column of the file a value or key sits.
 */
export function readYaml(file: string, text: string, firstLine = 1) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });

  const at = (offset: number): Where => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const start: Where = { line: firstLine, column: 1 };

  function locate(path: readonly PropertyKey[], key = false): Where {
    const node = doc.getIn(path as unknown[], true);
    if (!key && node && typeof node === "object" && "range" in node) {
      const range = (node as { range?: [number, number, number] }).range;
      if (range) return at(range[0]);
    }
    const parent =
      path.length > 1
        ? doc.getIn(path.slice(0, -1) as unknown[], true)
        : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => isScalar(item.key) && item.key.value === path.at(-1),
      );
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return at(range[0]);
      if (parent.range) return at(parent.range[0]);
    }
    return start;
  }

  const syntaxProblems: Problem[] = doc.errors.map((error) => ({
    file,
    ...at(error.pos[0]),
    message: `YAML cannot be read: ${error.message.split("\n")[0]}`,
    fix: "check indentation, colons and quotes on this line",
  }));

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // The yaml package refuses documents that expand aliases without limit.
    syntaxProblems.push({
      file,
      ...start,
      message: `YAML cannot be read: ${error instanceof Error ? error.message : error}`,
      fix: "write the values out instead of using & anchors and * aliases",
    });
  }

  return {
    data,
    syntaxProblems,
    locate,
    /** Turns zod issues into problems placed at the offending key or value. */
    zodProblems(error: ZodError, hint: (path: string) => string): Problem[] {
      return error.issues.flatMap((issue) => {
        if (issue.code === "unrecognized_keys") {
          return issue.keys.map((name) => ({
            file,
            ...locate([...issue.path, name], true),
            message: `unknown field "${[...issue.path, name].join(".")}"`,
            fix: "remove it, or check its spelling against docs/authoring.md",
          }));
        }
        const path = issue.path.join(".");
        const missing = doc.getIn(issue.path as unknown[], true) === undefined;
        return [
          {
            file,
            ...locate(issue.path),
            message: missing
              ? `missing field "${path}"`
              : `"${path}": ${issue.message}`,
            fix: hint(String(issue.path[0] ?? "")),
          },
        ];
      });
    },
  };
}
