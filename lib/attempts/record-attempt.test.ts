import { describe, expect, it } from "vitest";

import { getLearnerProgress } from "@/lib/attempts/get-learner-progress";
import { recordAttempt } from "@/lib/attempts/record-attempt";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

describe("recordAttempt", () => {
  it("stores the chosen options sorted, with the verdict and time taken", async () => {
    const learner = await createGuestLearner(database());

    await recordAttempt(database(), {
      learnerId: learner.id,
      questionId: "q1",
      chosenOptions: ["E", "B"],
      correct: true,
      timeTakenMs: 4200,
      mode: "practice",
    });

    const row = await database()
      .selectFrom("attempts")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      learner_id: learner.id,
      question_id: "q1",
      chosen_options: '["B","E"]',
      correct: 1,
      time_taken_ms: 4200,
      mode: "practice",
    });
    expect(new Date(row.created_at).toISOString()).toBe(row.created_at);
  });

  it("refuses an attempt by a learner who does not exist", async () => {
    await expect(
      recordAttempt(database(), {
        learnerId: "00000000-0000-4000-8000-000000000000",
        questionId: "q1",
        chosenOptions: ["A"],
        correct: false,
        timeTakenMs: null,
        mode: "practice",
      }),
    ).rejects.toThrow(/foreign key/i);
  });
});

describe("getLearnerProgress", () => {
  it("counts answered and correct attempts of one learner only", async () => {
    const alice = await createGuestLearner(database());
    const bob = await createGuestLearner(database());
    const base = {
      questionId: "q1",
      chosenOptions: ["A"],
      timeTakenMs: null,
      mode: "practice" as const,
    };
    await recordAttempt(database(), {
      ...base,
      learnerId: alice.id,
      correct: true,
    });
    await recordAttempt(database(), {
      ...base,
      learnerId: alice.id,
      correct: false,
    });
    await recordAttempt(database(), {
      ...base,
      learnerId: bob.id,
      correct: true,
    });

    expect(await getLearnerProgress(database(), alice.id)).toEqual({
      answered: 2,
      correct: 1,
    });
  });

  it("reports zero for a learner with no attempts", async () => {
    const learner = await createGuestLearner(database());

    expect(await getLearnerProgress(database(), learner.id)).toEqual({
      answered: 0,
      correct: 0,
    });
  });
});
