import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { lostTheRace, migrateToLatest, migratorFor } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/schema";
import { logger } from "@/lib/log/logger";
import {
  openTestDatabase,
  type TestDatabase,
} from "@/lib/testing/test-database";

let test: TestDatabase;
let db: Kysely<Database>;

beforeEach(async () => {
  test = await openTestDatabase({ migrate: false });
  db = test.db;
});

afterEach(() => test.close());

describe("migrateToLatest", () => {
  it("keeps answers recorded before attempts was rebuilt", async () => {
    const migrator = await migratorFor(db);
    await migrator.migrateTo("0001-learners-and-attempts");
    await sql`insert into learners values
      ('2b7c3c1e-0000-4000-8000-000000000001', 'guest', 'Guest 2B7C',
       '2026-12-01T10:00:00.000Z')`.execute(db);
    await sql`insert into attempts values ('a1',
      '2b7c3c1e-0000-4000-8000-000000000001', 'q1', '["C"]', 1, 4200,
      'practice', '2026-12-01T10:01:00.000Z')`.execute(db);

    await migrateToLatest(db);

    const attempts = await db.selectFrom("attempts").selectAll().execute();
    expect(attempts).toEqual([
      {
        id: "a1",
        learner_id: "2b7c3c1e-0000-4000-8000-000000000001",
        question_id: "q1",
        chosen_options: '["C"]',
        correct: 1,
        time_taken_ms: 4200,
        mode: "practice",
        drill_id: null,
        exam_id: null,
        created_at: "2026-12-01T10:01:00.000Z",
      },
    ]);
    const summary = await db
      .selectFrom("learner_question_stats")
      .select(["answered", "correct", "first_chosen", "last_at"])
      .execute();
    expect(summary).toEqual([
      {
        answered: 1,
        correct: 1,
        first_chosen: '["C"]',
        last_at: "2026-12-01T10:01:00.000Z",
      },
    ]);
  });

  it("accepts the new answer modes and still refuses unknown ones", async () => {
    await migrateToLatest(db);
    await sql`insert into learners values
      ('2b7c3c1e-0000-4000-8000-000000000002', 'guest', 'Guest', 'now', null)`.execute(
      db,
    );
    const insert = (id: string, mode: string) =>
      sql`insert into attempts (id, learner_id, question_id, chosen_options,
        correct, mode, created_at) values (${id},
        '2b7c3c1e-0000-4000-8000-000000000002', 'q', '[]', 0, ${mode},
        'now')`.execute(db);

    await insert("e", "exam");
    await insert("r", "review");
    await expect(insert("x", "guessing")).rejects.toThrow(/check constraint/i);
  });

  it("undoes the second migration cleanly", async () => {
    await migrateToLatest(db);
    const migrator = await migratorFor(db);

    const { error } = await migrator.migrateTo("0001-learners-and-attempts");

    expect(error).toBeUndefined();
    await expect(db.selectFrom("exams").selectAll().execute()).rejects.toThrow(
      /no such table|does not exist/,
    );
  });

  it("does nothing the second time", async () => {
    await migrateToLatest(db);

    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("retries a table that already exists only on SQLite, where it means a lost race", async () => {
    await sql`create table learners (id text primary key)`.execute(db);
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});

    await expect(migrateToLatest(db)).rejects.toThrow(/already exists/);
    const retries = warn.mock.calls.length;
    warn.mockRestore();

    expect(retries).toBe(test.dialect === "sqlite" ? 4 : 0);
  });

  it("takes what a winning process already committed as a lost race, not a failure", () => {
    const sqlite = (message: string, code = "SQLITE_ERROR") =>
      Object.assign(new Error(message), { code });

    expect(lostTheRace(sqlite("table learners already exists"))).toBe(true);
    expect(lostTheRace(sqlite("index attempts_drill already exists"))).toBe(
      true,
    );
    expect(lostTheRace(sqlite("duplicate column name: exam_date"))).toBe(true);
    expect(lostTheRace(sqlite("database is locked", "SQLITE_BUSY"))).toBe(true);
    expect(lostTheRace(sqlite("no such table: learners"))).toBe(false);
  });
});
