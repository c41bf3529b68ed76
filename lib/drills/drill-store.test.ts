import { describe, expect, it } from "vitest";

import { recordAttempt } from "@/lib/attempts/record-attempt";
import { createDrill, loadDrillAnswer } from "@/lib/drills/drill-store";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

describe("loadDrillAnswer", () => {
  it("gives back what the learner chose in this drill, and nothing for a question they skipped or answered elsewhere", async () => {
    const learner = await createGuestLearner(database());
    const drill = await createDrill(
      database(),
      learner.id,
      { status: "all", count: 10 },
      ["q1", "q2"],
    );
    await recordAttempt(database(), {
      learnerId: learner.id,
      questionId: "q1",
      chosenOptions: ["C", "A"],
      correct: false,
      timeTakenMs: 4200,
      mode: "drill",
      drillId: drill.id,
    });
    await recordAttempt(database(), {
      learnerId: learner.id,
      questionId: "q2",
      chosenOptions: ["B"],
      correct: true,
      timeTakenMs: null,
      mode: "review",
    });

    expect(await loadDrillAnswer(database(), drill.id, "q1")).toEqual({
      chosen: ["A", "C"],
      correct: false,
      timeTakenMs: 4200,
    });
    expect(await loadDrillAnswer(database(), drill.id, "q2")).toBeNull();
  });
});
