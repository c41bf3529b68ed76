import "server-only";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

import { checkBank, type CheckedBank } from "@/lib/content/check-bank";
import { formatProblem } from "@/lib/content/problem";
import type { Question } from "@/lib/content/question";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";

export type QuestionBank = Omit<CheckedBank, "questions"> & {
  questions: Map<string, Question>;
};

// Next bundles the server start-up hook and each route separately, and
// each bundle gets its own copy of this module; keeping the bank on
// globalThis lets the copy loaded at start serve every route, instead of
// each route parsing the whole bank again on its first request.
const holder = globalThis as typeof globalThis & {
  certdrillBank?: { signature: string; bank: QuestionBank };
};

/**
 * The checked, rendered question bank, built once per process. A production
 * build refuses invalid content; a running server leaves invalid files out
 * and says so, and in development it rebuilds when a file changes.
 */
export function getQuestionBank(): QuestionBank {
  const signature =
    process.env.NODE_ENV === "development" ? contentSignature() : "";
  const cached = holder.certdrillBank;
  if (cached && cached.signature === signature) return cached.bank;

  const checked = checkBank();
  if (checked.problems.length > 0) {
    const lines = checked.problems.map(formatProblem);
    if (process.env.NEXT_PHASE === "phase-production-build") {
      throw new Error(`The question bank has problems:\n${lines.join("\n")}`);
    }
    logger.error("question files left out of the bank", { problems: lines });
  }

  const bank = {
    ...checked,
    questions: new Map(checked.questions.map((q) => [q.public.id, q])),
  };
  holder.certdrillBank = { signature, bank };
  return bank;
}

export function getQuestionOrThrow(id: string): Question {
  const question = getQuestionBank().questions.get(id);
  if (!question) {
    throw new AppError(
      "NOT_FOUND",
      `There is no question with the id "${id}".`,
    );
  }
  return question;
}

function contentSignature(): string {
  const dir = path.join(process.cwd(), "content");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => `${name}:${statSync(path.join(dir, name)).mtimeMs}`)
    .join("|");
}
