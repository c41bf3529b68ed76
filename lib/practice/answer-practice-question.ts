import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";

import { recordAttempt } from "@/lib/attempts/record-attempt";
import { OptionLetterSchema, type Question } from "@/lib/content/question";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { findRunningExamWith } from "@/lib/exams/exam-store";
import { getExamDate } from "@/lib/learners/exam-date";
import { isCorrect } from "@/lib/questions/check-answer";
import { gradeForAnswer } from "@/lib/review/review-card";
import { reviewAnswered } from "@/lib/review/review-store";
import type { Session } from "@/lib/session/session-schema";

/** The letters a learner chose: at least one, none twice. */
export const ChosenOptionsSchema = z
  .array(OptionLetterSchema)
  .min(1, "choose at least one option")
  .max(6)
  .refine(
    (letters) => new Set(letters).size === letters.length,
    "an option is chosen twice",
  );

export const PracticeAnswerSchema = z.strictObject({
  questionId: z.string().min(1).max(200),
  options: ChosenOptionsSchema,
  unsure: z.boolean().default(false),
});

export type PracticeAnswer = z.infer<typeof PracticeAnswerSchema>;

/**
 * Checks a drill or review answer, records it and schedules the question's
 * next review. Returns everything the explanation panel shows, except for a
 * question of the learner's running mock exam, which gets no feedback until
 * that exam is over.
 */
export async function answerPracticeQuestion(
  db: Kysely<Database>,
  session: Session,
  question: Question,
  answer: PracticeAnswer,
  context: { mode: "practice" | "drill" | "review"; drillId?: string },
) {
  const now = new Date();
  await requireOutsideRunningExam(
    db,
    session.learner.id,
    question.public.id,
    now,
  );
  if (answer.options.length !== question.public.choose) {
    throw new AppError(
      "BAD_REQUEST",
      `This question needs exactly ${question.public.choose} option(s); ` +
        `${answer.options.length} were chosen.`,
    );
  }

  const onScreen = session.onScreen;
  const timeTakenMs =
    onScreen?.questionId === question.public.id
      ? now.getTime() - onScreen.startedAt
      : null;
  const correct = isCorrect(answer.options, question.key.answer);

  await recordAttempt(db, {
    learnerId: session.learner.id,
    questionId: question.public.id,
    chosenOptions: answer.options,
    correct,
    timeTakenMs,
    mode: context.mode,
    drillId: context.drillId ?? null,
  });
  const card = await reviewAnswered(
    db,
    session.learner.id,
    question.public.id,
    gradeForAnswer({ correct, unsure: answer.unsure }),
    { now, examDate: await getExamDate(db, session.learner.id) },
  );

  return {
    correct,
    chosen: answer.options,
    timeTakenMs,
    nextReview: card.due,
    ...question.key,
  };
}

/**
 * Refuses a question of the learner's running mock exam: checking it here
 * would reveal its key and explanation before the exam is submitted.
 */
export async function requireOutsideRunningExam(
  db: Kysely<Database>,
  learnerId: string,
  questionId: string,
  now: Date,
) {
  const examId = await findRunningExamWith(
    db,
    learnerId,
    questionId,
    now.getTime(),
  );
  if (!examId) return;

  throw new AppError(
    "CONFLICT",
    "This question is in your mock exam, which is still running. Its answer " +
      "and explanation appear in your exam result once you submit the exam " +
      "or its time runs out.",
    { examId, questionId },
  );
}
