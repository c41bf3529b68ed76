import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";

import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";

import { getEnv } from "@/lib/env/env";
import {
  dialectOfUrl,
  sqlitePathFromUrl,
  type Dialect,
} from "@/lib/db/database-url";
import { createPostgresPool } from "@/lib/db/postgres-pool";
import {
  ImmediateTransactionSqliteDialect,
  withStatementCache,
} from "@/lib/db/sqlite-dialect";
import type { Database } from "@/lib/db/schema";

// On globalThis, like the process-wide handle: Next.js may load this module
// once per bundle, and every copy must know the dialect of that handle.
const holder = globalThis as typeof globalThis & {
  certdrillDb?: Kysely<Database>;
  certdrillDialects?: WeakMap<Kysely<Database>, Dialect>;
};
const dialects = (holder.certdrillDialects ??= new WeakMap());

export function openSqlite(file: string): Kysely<Database> {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  // Said here rather than left to better-sqlite3's build default: a commit
  // survives the app process dying at any moment (it is in the WAL file when
  // the call returns); only a power cut may lose those since the last
  // checkpoint's sync. Syncing every commit would block the event loop once
  // per answer (decision 012).
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({
    dialect: new ImmediateTransactionSqliteDialect({
      database: withStatementCache(sqlite),
    }),
  });
  dialects.set(db, "sqlite");
  return db;
}

export function openPostgres(url: string): Kysely<Database> {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPostgresPool(url) }),
  });
  dialects.set(db, "postgres");
  return db;
}

/** Opens the store a DATABASE_URL names: `file:…` or `postgres://…`. */
export function openDatabase(url: string): Kysely<Database> {
  return dialectOfUrl(url) === "sqlite"
    ? openSqlite(sqlitePathFromUrl(url))
    : openPostgres(url);
}

/** The dialect of a handle opened here (not of a transaction on it). */
export function dialectOf(db: Kysely<Database>): Dialect {
  const dialect = dialects.get(db);
  if (!dialect) throw new Error("this database handle was not opened here");
  return dialect;
}

/** The process-wide database handle, opened from DATABASE_URL. */
export function getDb(): Kysely<Database> {
  holder.certdrillDb ??= openDatabase(getEnv().DATABASE_URL);
  return holder.certdrillDb;
}
