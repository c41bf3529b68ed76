import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";

import { getLearnerProgress } from "@/lib/attempts/get-learner-progress";
import { recordAttempt } from "@/lib/attempts/record-attempt";
import { openSqlite } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/schema";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { makeTempDir } from "@/lib/testing/temp-dir";

let temp: ReturnType<typeof makeTempDir>;
let db: Kysely<Database>;

beforeEach(async () => {
  temp = makeTempDir();
  db = openSqlite(path.join(temp.dir, "nested", "test.sqlite"));
  await migrateToLatest(db);
});

afterEach(async () => {
  await db.destroy();
  temp.remove();
});

describe("recordAttempt", () => {
  it("stores the chosen options sorted, with the verdict and time taken", async () => {
    const learner = await createGuestLearner(db);

    await recordAttempt(db, {
      learnerId: learner.id,
      questionId: "q1",
      chosenOptions: ["E", "B"],
      correct: true,
      timeTakenMs: 4200,
      mode: "practice",
    });

    const row = await db
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
      recordAttempt(db, {
        learnerId: "00000000-0000-4000-8000-000000000000",
        questionId: "q1",
        chosenOptions: ["A"],
        correct: false,
        timeTakenMs: null,
        mode: "practice",
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});

describe("getLearnerProgress", () => {
  it("counts answered and correct attempts of one learner only", async () => {
    const alice = await createGuestLearner(db);
    const bob = await createGuestLearner(db);
    const base = {
      questionId: "q1",
      chosenOptions: ["A"],
      timeTakenMs: null,
      mode: "practice" as const,
    };
    await recordAttempt(db, { ...base, learnerId: alice.id, correct: true });
    await recordAttempt(db, { ...base, learnerId: alice.id, correct: false });
    await recordAttempt(db, { ...base, learnerId: bob.id, correct: true });

    expect(await getLearnerProgress(db, alice.id)).toEqual({
      answered: 2,
      correct: 1,
    });
  });

  it("reports zero for a learner with no attempts", async () => {
    const learner = await createGuestLearner(db);

    expect(await getLearnerProgress(db, learner.id)).toEqual({
      answered: 0,
      correct: 0,
    });
  });
});

describe("migrateToLatest", () => {
  it("does nothing the second time", async () => {
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("uses WAL journaling", async () => {
    const file = path.join(temp.dir, "nested", "test.sqlite");
    const other = openSqlite(file);
    const { rows } = await import("kysely").then(({ sql }) =>
      sql<{ journal_mode: string }>`pragma journal_mode`.execute(other),
    );
    await other.destroy();

    expect(rows[0]?.journal_mode).toBe("wal");
  });
});
