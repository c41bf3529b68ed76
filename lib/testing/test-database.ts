import path from "node:path";

import type { Kysely } from "kysely";
import { afterEach, beforeEach } from "vitest";

import { openSqlite } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/schema";
import { makeTempDir } from "@/lib/testing/temp-dir";

export type TestDatabase = { db: Kysely<Database>; close(): Promise<void> };

/** A real, migrated SQLite file of its own, removed by close(). */
export async function openTestDatabase(): Promise<TestDatabase> {
  const temp = makeTempDir();
  const db = openSqlite(path.join(temp.dir, "test.sqlite"));
  await migrateToLatest(db);
  return {
    db,
    async close() {
      await db.destroy();
      temp.remove();
    },
  };
}

/**
 * Gives each test of the file its own migrated database: call it at the top
 * of a test file and read `db()` inside the tests.
 */
export function freshDatabaseForEachTest(): () => Kysely<Database> {
  let current: TestDatabase | undefined;
  beforeEach(async () => {
    current = await openTestDatabase();
  });
  afterEach(() => current?.close());
  return () => {
    if (!current)
      throw new Error("freshDatabaseForEachTest: no test is running");
    return current.db;
  };
}
