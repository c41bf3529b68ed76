import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";

import { addToQuestionStats } from "@/lib/attempts/question-stats";
import { attemptRow } from "@/lib/attempts/record-attempt";
import type { Database } from "@/lib/db/schema";
import { analyseItemsInDatabase } from "@/lib/instructors/analyse-items-in-database";
import {
  analyseItems,
  type AttemptRow,
  type QuestionInfo,
} from "@/lib/instructors/item-analysis";
import { seedCohort } from "@/lib/instructors/seed-cohort";
import { COHORT, QUESTIONS } from "@/lib/testing/item-analysis-fixture";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

/** Writes answers as the app does, one second apart in the given order. */
async function answer(db: Kysely<Database>, rows: AttemptRow[]) {
  const learners = [...new Set(rows.map((r) => r.learnerId))];
  await db
    .insertInto("learners")
    .values(
      learners.map((id) => ({
        id,
        kind: "guest" as const,
        display_name: id,
        created_at: "2026-01-01T00:00:00.000Z",
        exam_date: null,
      })),
    )
    .execute();
  await addToQuestionStats(
    db,
    rows.map((row, n) =>
      attemptRow(`attempt-${n}`, {
        learnerId: row.learnerId,
        questionId: row.questionId,
        chosenOptions: row.chosen,
        correct: row.correct,
        timeTakenMs: row.timeTakenMs,
        mode: "drill",
        at: new Date(Date.UTC(2026, 0, 1) + n * 1000),
      }),
    ),
  );
}

/** Every answer in the database, oldest first, as analyseItems reads them. */
async function attemptsInOrder(
  db: Kysely<Database>,
  cohortId?: string,
): Promise<AttemptRow[]> {
  let query = db
    .selectFrom("attempts")
    .selectAll()
    .orderBy("created_at")
    .orderBy("id");
  if (cohortId) {
    query = query.where("learner_id", "in", (eb) =>
      eb
        .selectFrom("cohort_members")
        .select("learner_id")
        .where("cohort_id", "=", cohortId),
    );
  }
  return (await query.execute()).map((row) => ({
    learnerId: row.learner_id,
    questionId: row.question_id,
    chosen: JSON.parse(row.chosen_options) as string[],
    correct: row.correct === 1,
    timeTakenMs: row.time_taken_ms,
  }));
}

const SEEDED: QuestionInfo[] = [
  { id: "s1", options: ["A", "B", "C", "D"], answer: ["B"] },
  { id: "s2", options: ["A", "B", "C", "D", "E"], answer: ["A", "E"] },
  { id: "s3", options: ["A", "B", "C", "D"], answer: ["D"] },
  { id: "s4", options: ["A", "B", "C", "D"], answer: ["A"] },
  { id: "s5", options: ["A", "B", "C", "D"], answer: ["C"] },
];

describe("analyseItemsInDatabase", () => {
  it("gives the hand-checked figures of analyseItems on the class of twelve", async () => {
    await answer(database(), COHORT);

    const stats = await analyseItemsInDatabase(database(), QUESTIONS, {
      cohortId: null,
      minAttempts: 10,
    });

    expect(stats).toEqual(analyseItems(QUESTIONS, COHORT, { minAttempts: 10 }));
    expect(stats.map((s) => s.discrimination)).toEqual([
      expect.closeTo(1 / 3),
      expect.closeTo(-2 / 3),
      expect.closeTo(2 / 3),
    ]);
    expect(stats[0]?.averageTimeMs).toBe(33_000);
  });

  it("agrees with analyseItems over a cohort and over everyone in a seeded class", async () => {
    // Two cohorts of 30 answering five questions about four times each:
    // retries, multiple response, many equal rest scores. s5 is left out of
    // the analysis, so its answers must not count towards any rest score.
    const one = await seedCohort(database(), SEEDED, {
      learners: 30,
      attempts: 600,
      seed: 3,
    });
    const two = await seedCohort(database(), SEEDED, {
      learners: 30,
      attempts: 600,
      seed: 4,
    });
    const analysed = SEEDED.slice(0, 4);

    const cohort = await analyseItemsInDatabase(database(), analysed, {
      cohortId: one.cohortId,
    });
    const everyone = await analyseItemsInDatabase(database(), analysed, {
      cohortId: null,
    });

    expect(cohort).toEqual(
      analyseItems(analysed, await attemptsInOrder(database(), one.cohortId)),
    );
    expect(everyone).toEqual(
      analyseItems(analysed, await attemptsInOrder(database())),
    );
    const other = await analyseItemsInDatabase(database(), analysed, {
      cohortId: two.cohortId,
    });
    expect(everyone.map((s) => s.attempts)).toEqual(
      cohort.map((s, i) => s.attempts + other[i]!.attempts),
    );
    expect(cohort.every((s) => s.attempts > 20 && s.attempts <= 30)).toBe(true);
    expect(everyone.every((s) => s.discrimination !== null)).toBe(true);
  });

  it("reports no attempts for a question nobody answered", async () => {
    const [stats] = await analyseItemsInDatabase(database(), QUESTIONS, {
      cohortId: null,
    });

    expect(stats).toEqual(analyseItems(QUESTIONS, [])[0]);
    expect(stats).toMatchObject({ attempts: 0, facility: null });
  });
});
