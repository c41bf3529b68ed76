import SQLite from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";

import { withStatementCache } from "@/lib/db/sqlite-dialect";

function openMemory() {
  const sqlite = new SQLite(":memory:");
  sqlite.exec("create table t (n integer)");
  sqlite.exec("insert into t values (1), (2), (3)");
  return sqlite;
}

describe("withStatementCache", () => {
  it("compiles a statement once and reuses it for the same SQL", () => {
    const sqlite = openMemory();
    const prepare = vi.spyOn(sqlite, "prepare");
    const database = withStatementCache(sqlite);

    const first = database.prepare("select n from t where n > ?");
    const again = database.prepare("select n from t where n > ?");

    expect(again).toBe(first);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(again.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    database.close();
  });

  it("gives a call its own statement while the kept one is still iterating", () => {
    const database = withStatementCache(openMemory());
    const sql = "select n from t order by n";

    const outer = database.prepare(sql);
    const seen: number[][] = [];
    for (const row of outer.iterate([]) as Iterable<{ n: number }>) {
      const inner = database.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push([row.n, (inner.all([]) as { n: number }[]).length]);
    }

    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    database.close();
  });

  it("keeps no more statements than its limit, dropping the oldest", () => {
    const sqlite = openMemory();
    const prepare = vi.spyOn(sqlite, "prepare");
    const database = withStatementCache(sqlite, 2);

    database.prepare("select 1");
    database.prepare("select 2");
    database.prepare("select 3");
    database.prepare("select 3");
    database.prepare("select 1");

    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([
      "select 1",
      "select 2",
      "select 3",
      "select 1",
    ]);
    database.close();
  });
});
