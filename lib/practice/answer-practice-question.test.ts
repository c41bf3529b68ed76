import { describe, expect, it } from "vitest";

import type { Question } from "@/lib/content/question";
import { createExam } from "@/lib/exams/exam-store";
import { finishExam } from "@/lib/exams/finish-exam";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { answerPracticeQuestion } from "@/lib/practice/answer-practice-question";
import { getQuestionBank } from "@/lib/questions/question-bank";
import type { Session } from "@/lib/session/session-schema";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

const [inExam, outside] = [...getQuestionBank().questions.values()];

/** A learner whose running exam holds `inExam`, with a session for them. */
async function learnerInAnExam(minutesLeft: number) {
  const learner = await createGuestLearner(database());
  const now = Date.now();
  const exam = await createExam(database(), {
    learnerId: learner.id,
    examCode: "dva-c02",
    questionIds: [inExam!.public.id],
    durationMinutes: 2,
    shortened: true,
    now: now - 2 * 60_000 + minutesLeft * 60_000,
  });
  const session: Session = {
    version: 3,
    learner,
    createdAt: now,
    refreshedAt: now,
    seenAt: now,
    onScreen: null,
    drill: null,
    // The session has lost its copy; the exam row alone must be enough.
    exam: null,
  };
  return { exam, session };
}

function answerRightly(session: Session, question: Question) {
  return answerPracticeQuestion(
    database(),
    session,
    question,
    {
      questionId: question.public.id,
      options: question.key.answer,
      unsure: false,
    },
    { mode: "practice" },
  );
}

describe("answerPracticeQuestion", () => {
  it("refuses a question of the running exam, records nothing and reveals no key", async () => {
    const { session } = await learnerInAnExam(1);

    const refused = answerRightly(session, inExam!);

    await expect(refused).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/in your mock exam, which is still/),
    });
    const attempts = await database()
      .selectFrom("attempts")
      .select("id")
      .execute();
    expect(attempts).toEqual([]);
  });

  it("still checks a question that is not in the running exam", async () => {
    const { session } = await learnerInAnExam(1);

    const result = await answerRightly(session, outside!);

    expect(result.correct).toBe(true);
    expect(result.winningLogicHtml).toBe(outside!.key.winningLogicHtml);
  });

  it("checks the exam's question once its deadline has passed", async () => {
    const { session } = await learnerInAnExam(-1);

    const result = await answerRightly(session, inExam!);

    expect(result.correct).toBe(true);
  });

  it("checks the exam's question once the exam is submitted", async () => {
    const { exam, session } = await learnerInAnExam(1);
    await finishExam(database(), exam.id, "submitted");

    const result = await answerRightly(session, inExam!);

    expect(result.quickInsightHtml).toBe(inExam!.key.quickInsightHtml);
  });
});
