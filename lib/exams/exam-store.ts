import "server-only";
import { randomUUID } from "node:crypto";

import type { Kysely } from "kysely";
import { z } from "zod";

import type { Database, ExamStatus } from "@/lib/db/schema";
import { ExamStateSchema, type ExamState } from "@/lib/session/session-schema";

const IdsSchema = z.array(z.string().min(1)).min(1);
const LettersSchema = z.array(z.string().regex(/^[A-Z]$/));

export type NewExam = {
  learnerId: string;
  examCode: string;
  questionIds: string[];
  durationMinutes: number;
  shortened: boolean;
  now: number;
};

/** Starts a mock exam; its deadline lives in SQL and in the session. */
export async function createExam(
  db: Kysely<Database>,
  exam: NewExam,
): Promise<ExamState> {
  const state: ExamState = {
    id: randomUUID(),
    examCode: exam.examCode,
    questionIds: exam.questionIds,
    durationMinutes: exam.durationMinutes,
    shortened: exam.shortened,
    startedAt: exam.now,
    deadlineAt: exam.now + exam.durationMinutes * 60_000,
    answers: {},
  };

  await db
    .insertInto("exams")
    .values({
      id: state.id,
      learner_id: exam.learnerId,
      exam_code: state.examCode,
      question_ids: JSON.stringify(state.questionIds),
      duration_minutes: state.durationMinutes,
      shortened: state.shortened ? 1 : 0,
      started_at: new Date(state.startedAt).toISOString(),
      deadline_at: new Date(state.deadlineAt).toISOString(),
      status: "in-progress",
      finished_at: null,
      correct: null,
      scaled_score: null,
      passed: null,
    })
    .execute();
  return state;
}

/** The learner's exam in progress, answers included, rebuilt from SQL. */
export async function loadActiveExam(
  db: Kysely<Database>,
  learnerId: string,
): Promise<ExamState | null> {
  const row = await db
    .selectFrom("exams")
    .select("id")
    .where("learner_id", "=", learnerId)
    .where("status", "=", "in-progress")
    .orderBy("started_at", "desc")
    .executeTakeFirst();
  const exam = row ? await loadExam(db, row.id) : null;
  if (!exam) return null;

  return ExamStateSchema.parse(exam);
}

/**
 * The id of the learner's exam that holds this question and still takes
 * answers at `now`, if any. Read from SQL, the record: a session copy that is
 * stale, or lost and not yet rebuilt, could hide a running exam.
 */
export async function findRunningExamWith(
  db: Kysely<Database>,
  learnerId: string,
  questionId: string,
  now: number,
): Promise<string | null> {
  const rows = await db
    .selectFrom("exams")
    .select(["id", "question_ids"])
    .where("learner_id", "=", learnerId)
    .where("status", "=", "in-progress")
    .where("deadline_at", ">=", new Date(now).toISOString())
    .execute();
  const holding = rows.find((row) =>
    IdsSchema.parse(JSON.parse(row.question_ids)).includes(questionId),
  );
  return holding?.id ?? null;
}

/** One exam as the session holds it, whatever its status. */
export async function loadExam(
  db: Kysely<Database>,
  examId: string,
): Promise<(ExamState & { learnerId: string; status: ExamStatus }) | null> {
  const row = await db
    .selectFrom("exams")
    .selectAll()
    .where("id", "=", examId)
    .executeTakeFirst();
  if (!row) return null;

  const answers = await db
    .selectFrom("exam_answers")
    .select(["question_id", "chosen_options", "flagged"])
    .where("exam_id", "=", examId)
    .execute();
  return {
    id: row.id,
    learnerId: row.learner_id,
    status: row.status,
    examCode: row.exam_code,
    questionIds: IdsSchema.parse(JSON.parse(row.question_ids)),
    durationMinutes: row.duration_minutes,
    shortened: row.shortened === 1,
    startedAt: Date.parse(row.started_at),
    deadlineAt: Date.parse(row.deadline_at),
    answers: Object.fromEntries(
      answers.map((a) => [
        a.question_id,
        {
          chosen: LettersSchema.parse(JSON.parse(a.chosen_options)),
          flagged: a.flagged === 1,
        },
      ]),
    ),
  };
}

/**
 * Writes one answer (or flag), only while SQL says the exam is running, so a
 * stale session copy on some instance cannot change a finished exam.
 */
export async function saveExamAnswer(
  db: Kysely<Database>,
  examId: string,
  questionId: string,
  answer: { chosen: string[]; flagged: boolean },
  now: number,
): Promise<boolean> {
  const values = {
    chosen_options: JSON.stringify([...answer.chosen].sort()),
    flagged: answer.flagged ? 1 : 0,
    updated_at: new Date(now).toISOString(),
  };

  return db.transaction().execute(async (trx) => {
    const exam = await trx
      .selectFrom("exams")
      .select(["status", "deadline_at"])
      .where("id", "=", examId)
      .executeTakeFirst();
    const open =
      exam?.status === "in-progress" && now <= Date.parse(exam.deadline_at);
    if (!open) return false;

    await trx
      .insertInto("exam_answers")
      .values({ exam_id: examId, question_id: questionId, ...values })
      .onConflict((oc) =>
        oc.columns(["exam_id", "question_id"]).doUpdateSet(values),
      )
      .execute();
    return true;
  });
}
