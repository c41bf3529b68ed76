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
 * Checks and renders question files, then applies the checks that span
 * files. Invalid files are reported and left out; valid ones are returned
 * ready to serve.
 */
export function checkQuestions(
  files: SourceFile[],
  blueprints: ReadonlyMap<string, Blueprint>,
  onProgress?: (done: number, total: number) => void,
): { questions: Question[]; problems: Problem[] } {
  const questions: Question[] = [];
  const problems: Problem[] = [];
  const owners = new Map<string, string>();

  for (const [index, { file, source }] of files.entries()) {
    if (index % 500 === 0) onProgress?.(index, files.length);
    const { question, problems: own } = parseQuestion(file, source, blueprints);
    problems.push(...own);
    if (!question) continue;

    const id = question.public.id;
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
    questions.push(question);
  }
  return { questions, problems };
}

/** Reads the blueprints and every question under content/questions. */
export function checkBank(
  onProgress?: (done: number, total: number) => void,
): CheckedBank {
  const loaded = loadBlueprints();
  const files = readQuestionFiles();
  const checked = checkQuestions(files, loaded.blueprints, onProgress);
  return {
    blueprints: loaded.blueprints,
    questions: checked.questions,
    problems: [...loaded.problems, ...checked.problems],
    files: files.length,
  };
}

/** Every file under content/questions, with its path from the project root. */
export function readQuestionFiles(): SourceFile[] {
  const names = readdirSync(path.join(process.cwd(), "content", "questions"), {
    recursive: true,
    encoding: "utf8",
  })
    .filter((name) => name.endsWith(".md"))
    .sort();
  return names.map((name) => ({
    file: path.join("content", "questions", name),
    source: readFileSync(
      path.join(process.cwd(), "content", "questions", name),
      "utf8",
    ),
  }));
}
