import { describe, expect, it } from "vitest";

import { mergeGuestInto } from "@/lib/accounts/merge-guest";
import { recordAttempt } from "@/lib/attempts/record-attempt";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

const answer = (
  learnerId: string,
  chosen: string,
  correct: boolean,
  at: string,
) =>
  recordAttempt(database(), {
    learnerId,
    questionId: "q1",
    chosenOptions: [chosen],
    correct,
    timeTakenMs: 1000,
    mode: "drill",
    at: new Date(at),
  });

async function stats(learnerId: string) {
  return database()
    .selectFrom("learner_question_stats")
    .select([
      "answered",
      "correct",
      "first_chosen",
      "first_correct",
      "last_correct",
    ])
    .where("learner_id", "=", learnerId)
    .executeTakeFirst();
}

describe("the per-learner, per-question summary", () => {
  it("counts every answer and keeps the first and the latest, whatever order they arrive in", async () => {
    const learner = await createGuestLearner(database());
    await answer(learner.id, "B", false, "2026-12-02T10:00:00Z");
    await answer(learner.id, "C", true, "2026-12-03T10:00:00Z");
    // An exam answer written when the exam ends can be older than a drill's.
    await answer(learner.id, "A", false, "2026-12-01T10:00:00Z");

    expect(await stats(learner.id)).toEqual({
      answered: 3,
      correct: 1,
      first_chosen: '["A"]',
      first_correct: 0,
      last_correct: 1,
    });
  });

  it("is rebuilt from the merged answers when a guest signs in", async () => {
    const guest = await createGuestLearner(database());
    const member = await createGuestLearner(database());
    await answer(member.id, "C", true, "2026-12-02T10:00:00Z");
    await answer(guest.id, "B", false, "2026-12-01T10:00:00Z");

    await mergeGuestInto(database(), guest.id, member.id);

    expect(await stats(member.id)).toEqual({
      answered: 2,
      correct: 1,
      first_chosen: '["B"]',
      first_correct: 0,
      last_correct: 1,
    });
    expect(await stats(guest.id)).toBeUndefined();
  });
});
