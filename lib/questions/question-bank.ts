import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { AppError } from "@/lib/errors/app-error";
import { parseQuestion } from "@/lib/questions/parse-question";
import type { Question } from "@/lib/questions/question-schema";

let bank: Map<string, Question> | undefined;

/** Every question under content/questions, parsed and rendered once per process. */
export function loadQuestionBank(): Map<string, Question> {
  if (bank) return bank;

  const loaded = new Map<string, Question>();
  const names = readdirSync(path.join(process.cwd(), "content", "questions"), {
    recursive: true,
    encoding: "utf8",
  });
  for (const name of names.filter((n) => n.endsWith(".md")).sort()) {
    const relative = path.join("content", "questions", name);
    const question = parseQuestion(
      relative,
      readFileSync(
        path.join(process.cwd(), "content", "questions", name),
        "utf8",
      ),
    );
    if (loaded.has(question.public.id)) {
      throw new Error(
        `${relative}: the id ${question.public.id} is already used by another question`,
      );
    }
    loaded.set(question.public.id, question);
  }

  bank = loaded;
  return bank;
}

export function getQuestionOrThrow(id: string): Question {
  const question = loadQuestionBank().get(id);
  if (!question) {
    throw new AppError(
      "NOT_FOUND",
      `There is no question with the id "${id}".`,
    );
  }
  return question;
}
