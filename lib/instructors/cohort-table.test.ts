import { describe, expect, it } from "vitest";

import { addToQuestionStats } from "@/lib/attempts/question-stats";
import { attemptRow } from "@/lib/attempts/record-attempt";
import { createAccount } from "@/lib/accounts/create-account";
import {
  CohortTableQuerySchema,
  cohortRows,
  pageOfRows,
  type CohortRow,
} from "@/lib/instructors/cohort-table";
import { createCohort } from "@/lib/instructors/cohorts";
import { TEST_BLUEPRINT } from "@/lib/testing/blueprint-fixture";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

function learner(
  name: string,
  lastActive: string | null,
  accuracy: number | null,
): CohortRow {
  return {
    learnerId: `id-${name}`,
    name,
    answered: accuracy === null ? 0 : 10,
    accuracy,
    domains: [],
    tasks: {},
    readiness: null,
    lastActive,
    examsTaken: 0,
    bestExam: null,
    latestExam: null,
  };
}

const ROWS = [
  learner("ada", "2026-12-01T10:00:00.000Z", 0.8),
  learner("idle", null, null),
  learner("bo", "2026-12-03T09:30:00.000Z", 0.4),
  learner("cy", "2026-11-20T17:00:00.000Z", 0),
];

function names(query: Record<string, string>) {
  return pageOfRows(ROWS, CohortTableQuerySchema.parse(query)).rows.map(
    (row) => row.name,
  );
}

describe("pageOfRows", () => {
  it("puts a learner who never answered last by last activity descending and first ascending", () => {
    expect(names({ sort: "lastActive", dir: "desc" })).toEqual([
      "bo",
      "ada",
      "cy",
      "idle",
    ]);
    expect(names({ sort: "lastActive", dir: "asc" })).toEqual([
      "idle",
      "cy",
      "ada",
      "bo",
    ]);
  });

  it("sorts a missing accuracy below an accuracy of zero", () => {
    expect(names({ sort: "accuracy", dir: "asc" })).toEqual([
      "idle",
      "cy",
      "bo",
      "ada",
    ]);
  });

  it("orders learners with equal figures by name, then id, whatever order they came in", () => {
    const twins = [
      { ...learner("Guest 7F3A", null, null), learnerId: "b" },
      { ...learner("Guest 7F3A", null, null), learnerId: "a" },
      learner("Ada", null, null),
    ];

    const sorted = (rows: CohortRow[]) =>
      pageOfRows(
        rows,
        CohortTableQuerySchema.parse({ sort: "lastActive" }),
      ).rows.map((row) => row.learnerId);

    expect(sorted(twins)).toEqual(["id-Ada", "a", "b"]);
    expect(sorted([...twins].reverse())).toEqual(["id-Ada", "a", "b"]);
  });

  it("searches names without regard to case and pages the matches", () => {
    const result = pageOfRows(
      ROWS,
      CohortTableQuerySchema.parse({ search: "D", pageSize: 5 }),
    );

    expect(result.total).toBe(2);
    expect(result.rows.map((row) => row.name)).toEqual(["ada", "idle"]);
  });
});

describe("cohortRows", () => {
  it("sums each learner's answers by domain and task statement as counted by hand", async () => {
    const db = database();
    const owner = await createAccount(db, {
      email: "teacher@example.com",
      role: "instructor",
      password: "orchid lantern gravel quietly",
    });
    if (!owner.ok) throw new Error(owner.message);
    const cohort = await createCohort(db, owner.learnerId, {
      name: "Spring",
      targetExamDate: null,
    });
    for (const id of ["ada", "bo", "cy"]) {
      await db
        .insertInto("learners")
        .values({
          id,
          kind: "guest",
          display_name: id,
          created_at: "2026-12-01T00:00:00.000Z",
          exam_date: null,
        })
        .execute();
      await db
        .insertInto("cohort_members")
        .values({
          cohort_id: cohort.id,
          learner_id: id,
          joined_at: "2026-12-01T00:00:00.000Z",
        })
        .execute();
    }
    // Task 1.1 holds q-a and q-d, 1.2 holds q-b, 2.1 holds q-c; "retired"
    // is no longer in the bank.
    const places = new Map([
      ["q-a", { domain: 1, task: "1.1" }],
      ["q-d", { domain: 1, task: "1.1" }],
      ["q-b", { domain: 1, task: "1.2" }],
      ["q-c", { domain: 2, task: "2.1" }],
    ]);
    const answers: [string, string, boolean, string][] = [
      ["ada", "q-a", false, "2026-12-01T10:00:00.000Z"],
      ["ada", "q-a", true, "2026-12-01T10:01:00.000Z"],
      ["ada", "q-c", true, "2026-12-01T10:02:00.000Z"],
      ["ada", "retired", true, "2026-12-02T08:00:00.000Z"],
      ["bo", "q-b", false, "2026-12-01T11:00:00.000Z"],
    ];
    await addToQuestionStats(
      db,
      answers.map(([learnerId, questionId, correct, at], n) =>
        attemptRow(`attempt-${n}`, {
          learnerId,
          questionId,
          chosenOptions: ["A"],
          correct,
          timeTakenMs: 1000,
          mode: "drill",
          at: new Date(at),
        }),
      ),
    );

    const rows = await cohortRows(db, cohort.id, TEST_BLUEPRINT, places);
    const byId = new Map(rows.map((row) => [row.learnerId, row]));

    // Ada: q-a 1 of 2, q-c 1 of 1; the retired question only dates her.
    expect(byId.get("ada")).toMatchObject({
      answered: 3,
      accuracy: 2 / 3,
      domains: [
        { number: 1, answered: 2, accuracy: 0.5 },
        { number: 2, answered: 1, accuracy: 1 },
        { number: 3, answered: 0, accuracy: null },
        { number: 4, answered: 0, accuracy: null },
      ],
      tasks: { "1.1": 0.5, "1.2": 0, "2.1": 1 },
      lastActive: "2026-12-02T08:00:00.000Z",
      examsTaken: 0,
      bestExam: null,
    });
    expect(byId.get("ada")?.readiness).toEqual(expect.any(Number));
    expect(byId.get("bo")).toMatchObject({
      answered: 1,
      accuracy: 0,
      tasks: { "1.1": 0, "1.2": 0, "2.1": 0 },
      lastActive: "2026-12-01T11:00:00.000Z",
    });
    expect(byId.get("cy")).toMatchObject({
      answered: 0,
      accuracy: null,
      readiness: null,
      lastActive: null,
    });
    expect(rows).toHaveLength(3);
  });
});
