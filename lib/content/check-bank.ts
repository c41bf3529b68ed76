import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import { loadBlueprints } from "@/lib/content/load-blueprints";
import { parseQuestion } from "@/lib/content/parse-question";
import type { Problem } from "@/lib/content/problem";
import type { Question } from "@/lib/content/question";

export type SourceFile = { file: string; source: string };

export type CheckedBank = {
  blueprints: Map<string, Blueprint>;
  questions: Question[];
  problems: Problem[];
  files: number;
};

/**
 * Checks and renders question files. Invalid files are reported and left out;
 * valid ones are returned ready to serve.
 */
export function checkQuestions(
  files: SourceFile[],
  blueprints: Map<string, Blueprint>,
): { questions: Question[]; problems: Problem[] } {
  const questions: Question[] = [];
  const problems: Problem[] = [];
  const owners = new Map<string, string>();

  for (const { file, source } of files) {
    const parsed = parseQuestion(file, source, blueprints);
    problems.push(...parsed.problems);
    if (!parsed.question) continue;

    const id = parsed.question.public.id;
    const owner = owners.get(id);
    if (owner) {
      problems.push({
        file,
        line: 2,
        column: 1,
        message: `the id "${id}" is already used by ${owner}`,
        fix: "give this question an id of its own, and rename the file to match",
      });
      continue;
    }
    owners.set(id, file);
    questions.push(parsed.question);
  }
  return { questions, problems };
}

/** Reads the blueprints and every question under content/questions. */
export function checkBank(): CheckedBank {
  const loaded = loadBlueprints();
  const names = readdirSync(path.join(process.cwd(), "content", "questions"), {
    recursive: true,
    encoding: "utf8",
  })
    .filter((name) => name.endsWith(".md"))
    .sort();
  const files = names.map((name) => ({
    file: path.join("content", "questions", name),
    source: readFileSync(
      path.join(process.cwd(), "content", "questions", name),
      "utf8",
    ),
  }));

  const checked = checkQuestions(files, loaded.blueprints);
  return {
    blueprints: loaded.blueprints,
    questions: checked.questions,
    problems: [...loaded.problems, ...checked.problems],
    files: files.length,
  };
}
