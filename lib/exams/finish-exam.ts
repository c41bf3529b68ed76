import "server-only";
import { randomUUID } from "node:crypto";

import type { Kysely } from "kysely";

import { addToQuestionStats } from "@/lib/attempts/question-stats";
import { attemptRow } from "@/lib/attempts/record-attempt";
import type { Database } from "@/lib/db/schema";
import { loadExam } from "@/lib/exams/exam-store";
import { scoreExam, type ExamScore } from "@/lib/exams/score-exam";
import { getExamDate } from "@/lib/learners/exam-date";
import { isCorrect } from "@/lib/questions/check-answer";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { reviewAnswered } from "@/lib/review/review-store";

type LoadedExam = NonNullable<Awaited<ReturnType<typeof loadExam>>>;

/** Scores an exam from the answers SQL holds, which are the record. */
export function scoreLoadedExam(exam: LoadedExam): ExamScore {
  const bank = getQuestionBank();
  const blueprint = bank.blueprints.get(exam.examCode);
  if (!blueprint) throw new Error(`no blueprint "${exam.examCode}"`);

  const items = exam.questionIds.flatMap((id) => {
    const question = bank.questions.get(id);
    if (!question) return [];
    const chosen = exam.answers[id]?.chosen ?? [];
    return [
      {
        questionId: id,
        domain: question.public.domain,
        task: question.public.task,
        correct: isCorrect(chosen, question.key.answer),
      },
    ];
  });
  return scoreExam(blueprint, items);
}

/**
 * Ends an exam once: submitted by the learner, or expired at its deadline.
 * Whichever app instance gets there first scores it; the status guard makes
 * the others find it done. A submit after the deadline (by the SQL row's
 * deadline, checked again in the update itself) is scored as expired.
 * Answered questions become attempts and review cards, so a mock exam feeds
 * progress and spaced review like a drill. Returns the status this call
 * wrote, or null when the exam was already over.
 */
export async function finishExam(
  db: Kysely<Database>,
  examId: string,
  requested: "submitted" | "expired",
): Promise<"submitted" | "expired" | null> {
  const exam = await loadExam(db, examId);
  if (!exam || exam.status !== "in-progress") return null;

  const now = Date.now();
  const status = now > exam.deadlineAt ? "expired" : requested;
  const score = scoreLoadedExam(exam);
  const finishedAt = new Date(status === "expired" ? exam.deadlineAt : now);
  const attempts = answeredAttempts(exam, finishedAt);

  const won = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("exams")
      .set({
        status,
        finished_at: finishedAt.toISOString(),
        correct: score.correct,
        scaled_score: score.scaled,
        passed: score.passed ? 1 : 0,
      })
      .where("id", "=", examId)
      .where("status", "=", "in-progress")
      .$if(status === "submitted", (update) =>
        update.where("deadline_at", ">=", finishedAt.toISOString()),
      )
      .executeTakeFirst();
    if (result.numUpdatedRows === BigInt(0)) return false;
    if (attempts.length > 0) {
      await trx.insertInto("attempts").values(attempts).execute();
      await addToQuestionStats(trx, attempts);
    }
    return true;
  });
  if (won) {
    await scheduleReviews(db, exam.learnerId, attempts, finishedAt);
    return status;
  }
  // Nothing was updated: another instance finished the exam first (the
  // retry finds it done), or the deadline guard refused a submit whose
  // deadline passed after the row was read (the retry expires it).
  return status === "submitted" ? finishExam(db, examId, "expired") : null;
}

function answeredAttempts(exam: LoadedExam, at: Date) {
  const bank = getQuestionBank();
  return Object.entries(exam.answers).flatMap(([questionId, answer]) => {
    const question = bank.questions.get(questionId);
    if (!question || answer.chosen.length === 0) return [];
    return [
      attemptRow(randomUUID(), {
        learnerId: exam.learnerId,
        questionId,
        chosenOptions: answer.chosen,
        correct: isCorrect(answer.chosen, question.key.answer),
        timeTakenMs: null,
        mode: "exam",
        examId: exam.id,
        at,
      }),
    ];
  });
}

async function scheduleReviews(
  db: Kysely<Database>,
  learnerId: string,
  attempts: ReturnType<typeof answeredAttempts>,
  now: Date,
) {
  const examDate = await getExamDate(db, learnerId);
  for (const attempt of attempts) {
    await reviewAnswered(
      db,
      learnerId,
      attempt.question_id,
      attempt.correct === 1 ? "good" : "again",
      { now, examDate },
    );
  }
}
