import "server-only";
import type { Kysely } from "kysely";
import type { z } from "zod";

import type {
  ExamHistorySchema,
  ExamResult,
  ExamView,
} from "@/lib/api/exam-schemas";
import type { Database, ExamStatus } from "@/lib/db/schema";
import { loadExam } from "@/lib/exams/exam-store";
import { scoreLoadedExam } from "@/lib/exams/finish-exam";
import { scoreScale } from "@/lib/exams/score-exam";
import { AppError } from "@/lib/errors/app-error";
import { isCorrect } from "@/lib/questions/check-answer";
import {
  getQuestionBank,
  getQuestionOrThrow,
} from "@/lib/questions/question-bank";
import { optionOrder } from "@/lib/questions/option-order";
import type { ExamState } from "@/lib/session/session-schema";

function orderFor(learnerId: string, questionId: string) {
  const letters = getQuestionOrThrow(questionId).public.options.map(
    (o) => o.letter,
  );
  return optionOrder(learnerId, questionId, letters);
}

function titleOf(examCode: string) {
  return getQuestionBank().blueprints.get(examCode)?.title ?? examCode;
}

/** An exam while it runs: no verdicts, no keys, and the server's clock. */
export function examView(
  exam: ExamState & { status: ExamStatus },
  learnerId: string,
): ExamView {
  return {
    id: exam.id,
    examCode: exam.examCode,
    title: titleOf(exam.examCode),
    status: exam.status,
    length: exam.questionIds.length,
    shortened: exam.shortened,
    durationMinutes: exam.durationMinutes,
    startedAt: exam.startedAt,
    deadlineAt: exam.deadlineAt,
    serverNow: Date.now(),
    questions: exam.questionIds.map((id) => ({
      id,
      order: orderFor(learnerId, id),
    })),
    answers: exam.answers,
  };
}

/** A finished exam's score and every question with its explanation. */
export async function examResult(
  db: Kysely<Database>,
  examId: string,
  learnerId: string,
): Promise<ExamResult> {
  const exam = await loadExam(db, examId);
  if (!exam || exam.learnerId !== learnerId) {
    throw new AppError("NOT_FOUND", "There is no such exam of yours.");
  }
  if (exam.status === "in-progress") {
    throw new AppError(
      "CONFLICT",
      "This exam is still running; its result appears once it is submitted.",
    );
  }

  const blueprint = getQuestionBank().blueprints.get(exam.examCode);
  return {
    id: exam.id,
    title: titleOf(exam.examCode),
    status: exam.status,
    shortened: exam.shortened,
    startedAt: exam.startedAt,
    passMark: blueprint?.score.pass ?? null,
    scale: blueprint ? scoreScale(blueprint.score) : null,
    score: scoreLoadedExam(exam),
    items: exam.questionIds.map((id) => {
      const question = getQuestionOrThrow(id);
      const answer = exam.answers[id];
      const chosen = answer?.chosen ?? [];
      return {
        question: question.public,
        order: orderFor(learnerId, id),
        chosen,
        flagged: answer?.flagged ?? false,
        correct: isCorrect(chosen, question.key.answer),
        key: question.key,
      };
    }),
  };
}

/** The learner's finished exams, oldest first, for the history chart. */
export async function examHistory(
  db: Kysely<Database>,
  learnerId: string,
): Promise<z.infer<typeof ExamHistorySchema>> {
  const rows = await db
    .selectFrom("exams")
    .select([
      "id",
      "exam_code",
      "started_at",
      "status",
      "question_ids",
      "correct",
      "scaled_score",
      "passed",
      "shortened",
    ])
    .where("learner_id", "=", learnerId)
    .where("status", "<>", "in-progress")
    .orderBy("started_at", "asc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    examCode: row.exam_code,
    startedAt: row.started_at,
    status: row.status,
    length: (JSON.parse(row.question_ids) as unknown[]).length,
    correct: row.correct ?? 0,
    scaled: row.scaled_score ?? 0,
    passed: row.passed === 1,
    shortened: row.shortened === 1,
  }));
}
