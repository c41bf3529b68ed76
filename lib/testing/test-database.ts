import path from "node:path";

import type { Kysely } from "kysely";

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
