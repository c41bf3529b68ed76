import "server-only";

import { getDb } from "@/lib/db/get-db";
import type { Blueprint } from "@/lib/content/blueprint-schema";
import { drawExam, type BankEntry } from "@/lib/exams/draw-exam";
import { createExam, loadExam, saveExamAnswer } from "@/lib/exams/exam-store";
import { finishExam } from "@/lib/exams/finish-exam";
import { AppError } from "@/lib/errors/app-error";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { getSessionStore } from "@/lib/session/get-session-store";
import type { ActiveSession } from "@/lib/session/open-session";
import type { ExamState } from "@/lib/session/session-schema";

/** A quick exam keeps the blueprint's proportions and minutes per question. */
export const QUICK_EXAM_LENGTH = 10;

export async function startExam(
  session: ActiveSession,
  { examCode, size }: { examCode: string; size: "full" | "quick" },
): Promise<ExamState> {
  const running = await findRunningExam(session);
  if (running) {
    throw new AppError(
      "CONFLICT",
      "You already have a mock exam in progress. Finish or submit it first.",
      { examId: running.id },
    );
  }
  const bank = getQuestionBank();
  const blueprint = bank.blueprints.get(examCode);
  if (!blueprint) {
    throw new AppError("NOT_FOUND", `There is no exam "${examCode}".`);
  }

  const entries = [...bank.questions.values()]
    .filter((q) => q.public.exam === examCode)
    .map((q) => ({
      id: q.public.id,
      domain: q.public.domain,
      task: q.public.task,
    }));
  const plan = drawPlan(blueprint, entries, size);
  const exam = await createExam(getDb(), {
    learnerId: session.data.learner.id,
    examCode,
    questionIds: plan.questionIds,
    durationMinutes: plan.durationMinutes,
    shortened: plan.shortened,
    now: Date.now(),
  });

  session.data.exam = exam;
  await getSessionStore().save(session.id, session.data);
  return exam;
}

function drawPlan(
  blueprint: Blueprint,
  entries: BankEntry[],
  size: "full" | "quick",
) {
  try {
    return drawExam(blueprint, entries, {
      length: size === "quick" ? QUICK_EXAM_LENGTH : undefined,
      random: Math.random,
    });
  } catch (error) {
    throw new AppError(
      "CONFLICT",
      "The question bank cannot yet fill a mock exam in the blueprint's " +
        "proportions. Practise with drills until more questions are added.",
      {},
      { cause: error },
    );
  }
}

/**
 * The exam as the learner may see it now. The session's copy is used while
 * the exam runs; a finished or foreign exam is read from SQL. An exam found
 * past its deadline is scored there and then, as expired.
 */
export async function findExam(
  session: ActiveSession,
  examId: string,
  { fromSql = false } = {},
) {
  const live = session.data.exam;
  if (!fromSql && live?.id === examId && Date.now() <= live.deadlineAt) {
    return { ...live, status: "in-progress" as const };
  }

  const stored = await loadExam(getDb(), examId);
  if (!stored || stored.learnerId !== session.data.learner.id) {
    throw new AppError("NOT_FOUND", "There is no such exam of yours.");
  }
  if (stored.status === "in-progress" && Date.now() > stored.deadlineAt) {
    await finishExam(getDb(), examId, "expired");
    await forgetExam(session, examId);
    return { ...stored, status: "expired" as const };
  }
  return stored;
}

/**
 * The learner's exam that still takes answers, or null, as SQL has it. One
 * whose deadline passed while nobody looked is scored as expired here, so it
 * neither blocks a new exam nor is reported as running.
 */
export async function findRunningExam(session: ActiveSession) {
  const live = session.data.exam;
  if (!live) return null;

  const exam = await findExam(session, live.id, { fromSql: true });
  if (exam.status === "in-progress") return exam;
  // Finished on another instance, whose session copy was the one cleared.
  await forgetExam(session, live.id);
  return null;
}

async function forgetExam(session: ActiveSession, examId: string) {
  if (session.data.exam?.id !== examId) return;
  session.data.exam = null;
  await getSessionStore().save(session.id, session.data);
}

function refuseIfOver(exam: Awaited<ReturnType<typeof findExam>>) {
  if (exam.status === "in-progress") return;
  const when = new Date(exam.deadlineAt).toISOString().slice(11, 16);
  throw new AppError(
    "EXAM_OVER",
    exam.status === "expired"
      ? `The time limit passed at ${when} UTC. The exam was scored with ` +
          "the answers saved by then; see your result."
      : "This exam has been submitted; see your result.",
    { examId: exam.id },
  );
}

export async function answerInExam(
  session: ActiveSession,
  examId: string,
  questionId: string,
  answer: { chosen: string[]; flagged: boolean },
) {
  const exam = await findExam(session, examId);
  refuseIfOver(exam);
  if (!exam.questionIds.includes(questionId)) {
    throw new AppError("NOT_FOUND", "That question is not in this exam.");
  }

  const saved = await saveExamAnswer(
    getDb(),
    examId,
    questionId,
    answer,
    Date.now(),
  );
  if (!saved) {
    refuseIfOver(await findExam(session, examId, { fromSql: true }));
    throw new AppError("CONFLICT", "The answer was not saved; try again.");
  }
  const live = session.data.exam;
  if (live?.id === examId) {
    live.answers[questionId] = answer;
    await getSessionStore().save(session.id, session.data);
  }
}

/**
 * Submits the exam if SQL says it still runs: the session copy of the
 * deadline is not trusted here, and finishExam scores a submit that reaches
 * SQL after the deadline as expired.
 */
export async function submitExam(session: ActiveSession, examId: string) {
  const exam = await findExam(session, examId, { fromSql: true });
  refuseIfOver(exam);

  const finished = await finishExam(getDb(), examId, "submitted");
  await forgetExam(session, examId);
  if (finished !== "submitted")
    refuseIfOver(await findExam(session, examId, { fromSql: true }));
}
