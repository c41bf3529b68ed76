import { describe, expect, it } from "vitest";

import { createDrill } from "@/lib/drills/drill-store";
import { DrillFiltersSchema } from "@/lib/drills/drill-filters";
import { createExam, saveExamAnswer } from "@/lib/exams/exam-store";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { newSessionId, sessionHash } from "@/lib/session/session-id";
import {
  recordSession,
  restoreSession,
  SEEN_INTERVAL_MS,
} from "@/lib/session/session-record";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();
const IDLE_MS = 30 * 60_000;

describe("restoreSession", () => {
  it("rebuilds the learner, the drill and the exam in progress from SQL", async () => {
    const learner = await createGuestLearner(database());
    const id = newSessionId();
    const now = Date.now();
    await recordSession(database(), id, learner.id, now);
    const drill = await createDrill(
      database(),
      learner.id,
      DrillFiltersSchema.parse({}),
      ["q1", "q2"],
    );
    const exam = await createExam(database(), {
      learnerId: learner.id,
      examCode: "dva-c02",
      questionIds: ["q1", "q2", "q3"],
      durationMinutes: 6,
      shortened: true,
      now,
    });
    await saveExamAnswer(
      database(),
      exam.id,
      "q2",
      { chosen: ["C", "A"], flagged: true },
      now,
    );

    const restored = await restoreSession(database(), id, {
      idleMs: () => IDLE_MS,
      now,
    });

    expect(restored?.learner).toEqual(learner);
    expect(restored?.drill).toEqual(drill);
    expect(restored?.exam).toEqual({
      ...exam,
      answers: { q2: { chosen: ["A", "C"], flagged: true } },
    });
  });

  it("finds nothing for a session idle longer than the limit", async () => {
    const learner = await createGuestLearner(database());
    const id = newSessionId();
    const then = Date.now();
    await recordSession(database(), id, learner.id, then);

    const later = then + IDLE_MS + SEEN_INTERVAL_MS + 1;

    expect(
      await restoreSession(database(), id, {
        idleMs: () => IDLE_MS,
        now: later,
      }),
    ).toBeNull();
    expect(
      await restoreSession(database(), id, {
        idleMs: () => IDLE_MS,
        now: later - 2,
      }),
    ).not.toBeNull();
  });

  it("finds nothing for a revoked session or an unknown id", async () => {
    const learner = await createGuestLearner(database());
    const id = newSessionId();
    await recordSession(database(), id, learner.id, Date.now());
    await database()
      .updateTable("sessions")
      .set({ revoked_at: new Date().toISOString() })
      .where("id_hash", "=", sessionHash(id))
      .execute();

    expect(
      await restoreSession(database(), id, {
        idleMs: () => IDLE_MS,
        now: Date.now(),
      }),
    ).toBeNull();
    expect(
      await restoreSession(database(), newSessionId(), {
        idleMs: () => IDLE_MS,
        now: Date.now(),
      }),
    ).toBeNull();
  });

  it("stores only a hash of the session id", async () => {
    const learner = await createGuestLearner(database());
    const id = newSessionId();
    await recordSession(database(), id, learner.id, Date.now());

    const rows = await database().selectFrom("sessions").selectAll().execute();

    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(id);
  });
});
