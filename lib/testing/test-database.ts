import type { Kysely } from "kysely";
import { afterEach, beforeEach } from "vitest";
import { z } from "zod";

import type { Dialect } from "@/lib/db/database-url";
import { openDatabase } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/schema";
import {
  createScratchDatabase,
  type ScratchDatabase,
} from "@/lib/testing/scratch-database";

export type TestDatabase = {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
};

/**
 * The store the data-layer tests run on: TEST_DATABASE=sqlite (the default)
 * or postgres, which uses TEST_POSTGRES_URL (by default the local database
 * `test`).
 */
export function testDialect(): Dialect {
  return z
    .enum(["sqlite", "postgres"])
    .default("sqlite")
    .parse(process.env.TEST_DATABASE || undefined);
}

/**
 * A DATABASE_URL of its own for an app server under test, in the dialect
 * the tests run on, and drop() to remove it once the servers are stopped.
 */
export function freshDatabaseUrl(): Promise<ScratchDatabase> {
  return createScratchDatabase(testDialect());
}

/** A real database of its own, migrated unless told not to; close() drops it. */
export async function openTestDatabase({
  migrate = true,
} = {}): Promise<TestDatabase> {
  const scratch = await freshDatabaseUrl();
  const db = openDatabase(scratch.url);
  if (migrate) await migrateToLatest(db);
  return {
    db,
    dialect: scratch.dialect,
    async close() {
      await db.destroy();
      await scratch.drop();
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
