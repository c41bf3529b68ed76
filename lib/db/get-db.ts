import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";

import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";

import { getEnv } from "@/lib/env/env";
import { sqlitePathFromUrl } from "@/lib/db/database-url";
import type { Database } from "@/lib/db/schema";

export function openSqlite(file: string): Kysely<Database> {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
  });
}

const holder = globalThis as typeof globalThis & {
  certdrillDb?: Kysely<Database>;
};

/** The process-wide database handle, opened from DATABASE_URL. */
export function getDb(): Kysely<Database> {
  holder.certdrillDb ??= openSqlite(sqlitePathFromUrl(getEnv().DATABASE_URL));
  return holder.certdrillDb;
}
