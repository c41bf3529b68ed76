import { beforeAll, describe, expect, it } from "vitest";

import { createExam, loadExam, saveExamAnswer } from "@/lib/exams/exam-store";
import { finishExam } from "@/lib/exams/finish-exam";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

// Parsing and highlighting the bank takes seconds on a busy machine: done
// once here, so it counts against no single test's time limit.
beforeAll(() => void getQuestionBank(), 60_000);

/** An exam of 6 minutes, one answer right, one wrong and flagged. */
async function examWithAnswers({ startedAt = Date.now() } = {}) {
  const learner = await createGuestLearner(database());
  const [first, second, third] = [...getQuestionBank().questions.values()];
  const exam = await createExam(database(), {
    learnerId: learner.id,
    examCode: "dva-c02",
    questionIds: [first!.public.id, second!.public.id, third!.public.id],
    durationMinutes: 6,
    shortened: true,
    now: startedAt,
  });
  const now = startedAt;
  await saveExamAnswer(
    database(),
    exam.id,
    first!.public.id,
    { chosen: first!.key.answer, flagged: false },
    now,
  );
  const wrong = second!.public.options.find(
    (o) => !second!.key.answer.includes(o.letter),
  )!;
  await saveExamAnswer(
    database(),
    exam.id,
    second!.public.id,
    { chosen: [wrong.letter], flagged: true },
    now,
  );
  return { learner, exam };
}

describe("finishExam", () => {
  it("scores the saved answers, counting the unanswered one as wrong", async () => {
    const { exam } = await examWithAnswers();

    await finishExam(database(), exam.id, "submitted");

    const row = await database()
      .selectFrom("exams")
      .selectAll()
      .where("id", "=", exam.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "submitted",
      correct: 1,
      scaled_score: 400,
      passed: 0,
    });
  });

  it("scores a submit that comes after the deadline as expired, finished at the deadline", async () => {
    const { exam } = await examWithAnswers({
      startedAt: Date.now() - 7 * 60_000,
    });

    const status = await finishExam(database(), exam.id, "submitted");

    const row = await database()
      .selectFrom("exams")
      .select(["status", "finished_at", "correct"])
      .where("id", "=", exam.id)
      .executeTakeFirstOrThrow();
    expect(status).toBe("expired");
    expect(row).toEqual({
      status: "expired",
      finished_at: new Date(exam.deadlineAt).toISOString(),
      correct: 1,
    });
  });

  it("says which status it wrote, and null for an exam already over", async () => {
    const { exam } = await examWithAnswers();

    const first = await finishExam(database(), exam.id, "submitted");
    const again = await finishExam(database(), exam.id, "submitted");

    expect([first, again]).toEqual(["submitted", null]);
  });

  it("turns answered questions into exam attempts and review cards", async () => {
    const { learner, exam } = await examWithAnswers();

    await finishExam(database(), exam.id, "submitted");

    const attempts = await database()
      .selectFrom("attempts")
      .select(["mode", "exam_id", "correct"])
      .execute();
    expect(attempts.sort((a, b) => a.correct - b.correct)).toEqual([
      { mode: "exam", exam_id: exam.id, correct: 0 },
      { mode: "exam", exam_id: exam.id, correct: 1 },
    ]);
    const cards = await database()
      .selectFrom("review_cards")
      .select("learner_id")
      .execute();
    expect(cards).toEqual([
      { learner_id: learner.id },
      { learner_id: learner.id },
    ]);
  });

  it("scores an exam once when two instances finish it at the same time", async () => {
    const { exam } = await examWithAnswers();

    await Promise.all([
      finishExam(database(), exam.id, "submitted"),
      finishExam(database(), exam.id, "expired"),
      finishExam(database(), exam.id, "submitted"),
    ]);

    const attempts = await database()
      .selectFrom("attempts")
      .selectAll()
      .execute();
    expect(attempts).toHaveLength(2);
    expect((await loadExam(database(), exam.id))?.status).toMatch(
      /submitted|expired/,
    );
  });

  it("refuses answers once the exam is over, and after its deadline", async () => {
    const { exam } = await examWithAnswers();
    const question = exam.questionIds[2]!;

    expect(
      await saveExamAnswer(
        database(),
        exam.id,
        question,
        { chosen: ["A"], flagged: false },
        exam.deadlineAt + 1,
      ),
    ).toBe(false);
    expect(
      await saveExamAnswer(
        database(),
        exam.id,
        question,
        { chosen: ["A"], flagged: false },
        exam.deadlineAt,
      ),
    ).toBe(true);
    await finishExam(database(), exam.id, "submitted");
    expect(
      await saveExamAnswer(
        database(),
        exam.id,
        question,
        { chosen: ["B"], flagged: false },
        Date.now(),
      ),
    ).toBe(false);
  });
});
