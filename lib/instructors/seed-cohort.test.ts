import { describe, expect, it } from "vitest";

import { seedCohort, type SeedQuestion } from "@/lib/instructors/seed-cohort";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

const QUESTIONS: SeedQuestion[] = [
  { id: "q1", options: ["A", "B", "C", "D"], answer: ["B"] },
  { id: "q2", options: ["A", "B", "C", "D", "E"], answer: ["A", "E"] },
];

async function count(table: "learners" | "attempts" | "cohorts") {
  const row = await database()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("seedCohort", () => {
  it("gives seeds 10 and 12 cohorts of their own, each with its own invite code", async () => {
    const ten = await seedCohort(database(), QUESTIONS, {
      learners: 3,
      attempts: 12,
      seed: 10,
    });
    const twelve = await seedCohort(database(), QUESTIONS, {
      learners: 3,
      attempts: 12,
      seed: 12,
    });

    expect(ten.inviteCode).not.toBe(twelve.inviteCode);
    expect(await count("cohorts")).toBe(2);
    expect(await count("attempts")).toBe(24);
  });

  it("accepts seed 0", async () => {
    const seeded = await seedCohort(database(), QUESTIONS, {
      learners: 2,
      attempts: 4,
      seed: 0,
    });

    expect(seeded.email).toBe("seed-instructor-0@example.com");
    expect(await count("attempts")).toBe(4);
  });

  it("refuses a seed used before and leaves the database as it was", async () => {
    await seedCohort(database(), QUESTIONS, {
      learners: 3,
      attempts: 12,
      seed: 7,
    });
    const before = [await count("learners"), await count("attempts")];

    await expect(
      seedCohort(database(), QUESTIONS, { learners: 3, attempts: 12, seed: 7 }),
    ).rejects.toThrow("seed 7 was used before");
    expect([await count("learners"), await count("attempts")]).toEqual(before);
  });

  it("leaves nothing behind when a run stops part way", async () => {
    const interrupted = seedCohort(
      database(),
      QUESTIONS,
      { learners: 3, attempts: 4_000, seed: 8 },
      () => {
        throw new Error("stopped after the first batch");
      },
    );

    await expect(interrupted).rejects.toThrow("stopped after the first batch");
    expect([
      await count("learners"),
      await count("cohorts"),
      await count("attempts"),
    ]).toEqual([0, 0, 0]);
  });
});
