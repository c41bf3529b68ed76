import path from "node:path";

import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { dialectOf, openDatabase, openSqlite } from "@/lib/db/get-db";
import { makeTempDir } from "@/lib/testing/temp-dir";

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe("openSqlite", () => {
  it("creates the file's folders, uses WAL journaling and syncs at checkpoints", async () => {
    const file = path.join(temp.dir, "nested", "test.sqlite");
    await openSqlite(file).destroy();

    const again = openSqlite(file);
    const { rows } = await sql<{
      journal_mode: string;
    }>`pragma journal_mode`.execute(again);
    const synchronous = await sql<{
      synchronous: number;
    }>`pragma synchronous`.execute(again);
    await again.destroy();

    expect(rows[0]?.journal_mode).toBe("wal");
    expect(synchronous.rows[0]?.synchronous).toBe(1); // NORMAL
  });
});

describe("openDatabase", () => {
  it("opens the dialect the URL names, without connecting yet", async () => {
    const sqlite = openDatabase(`file:${path.join(temp.dir, "a.sqlite")}`);
    const postgres = openDatabase("postgres://nobody@127.0.0.1:1/none");

    expect([dialectOf(sqlite), dialectOf(postgres)]).toEqual([
      "sqlite",
      "postgres",
    ]);
    await Promise.all([sqlite.destroy(), postgres.destroy()]);
  });
});
