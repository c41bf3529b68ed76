import { randomBytes } from "node:crypto";
import path from "node:path";

import pg from "pg";

import type { Dialect } from "@/lib/db/database-url";
import { makeTempDir } from "@/lib/testing/temp-dir";

export const DEFAULT_TEST_POSTGRES_URL =
  "postgres://postgres@127.0.0.1:5432/test";

/** The PostgreSQL database scratch schemas are made in. */
export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
}

/** An empty database of its own: a DATABASE_URL, and drop() to remove it. */
export type ScratchDatabase = {
  dialect: Dialect;
  url: string;
  drop(): Promise<void>;
};

/**
 * A new, empty database: a SQLite file in a temp folder, or a schema of its
 * own in the PostgreSQL test database, which the URL selects through the
 * connection's search_path so the app needs no setting of its own for it.
 */
export async function createScratchDatabase(
  dialect: Dialect,
  prefix = "certdrill_test",
): Promise<ScratchDatabase> {
  if (dialect === "sqlite") {
    const temp = makeTempDir();
    return {
      dialect,
      url: `file:${path.join(temp.dir, "certdrill.sqlite")}`,
      drop: async () => temp.remove(),
    };
  }

  const base = testPostgresUrl();
  const schema = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onPostgres(base, `create schema ${schema}`);
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return {
    dialect,
    url: `${base}${base.includes("?") ? "&" : "?"}options=${options}`,
    drop: () => onPostgres(base, `drop schema if exists ${schema} cascade`),
  };
}

async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL test database answers, within two seconds. */
export async function postgresReachable(url = testPostgresUrl()) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
