import { spawn } from "node:child_process";

import { afterAll, describe, expect, it } from "vitest";

import type { ScratchDatabase } from "@/lib/testing/scratch-database";
import { freshDatabaseUrl, testDialect } from "@/lib/testing/test-database";

const databases: ScratchDatabase[] = [];

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

function migrate(
  url: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/db-migrate.ts"],
      {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

// On SQLite the two race step by step and the loser retries; on PostgreSQL
// the second waits on Kysely's advisory lock and finds the work done.
describe(`two servers starting on a new ${testDialect()} database`, () => {
  it("both finish migrating, whichever of them wins each step", async () => {
    const runs = [];
    for (let round = 0; round < 8; round++) {
      const database = await freshDatabaseUrl();
      databases.push(database);
      runs.push(
        ...(await Promise.all([migrate(database.url), migrate(database.url)])),
      );
    }
    const raced = runs.filter((r) =>
      /another process is migrating/.test(r.output),
    );
    const applied = runs.filter((r) => /Applied 0001/.test(r.output));
    console.log(
      `${runs.length} processes, ${raced.length} lost a race and retried, ` +
        `${applied.length} applied the migrations`,
    );

    expect(runs.filter((r) => r.code !== 0).map((r) => r.output)).toEqual([]);
    if (testDialect() === "postgres") expect(applied).toHaveLength(8);
  });
});
