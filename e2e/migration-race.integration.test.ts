import { spawn } from "node:child_process";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeTempDir } from "@/lib/testing/temp-dir";

let temp: ReturnType<typeof makeTempDir>;

beforeAll(() => {
  temp = makeTempDir();
});

afterAll(() => temp.remove());

function migrate(
  file: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/db-migrate.ts"],
      {
        env: {
          ...process.env,
          DATABASE_URL: `file:${file}`,
          LOG_LEVEL: "warn",
        },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("two servers starting on a new database", () => {
  it("both finish migrating, whichever of them wins each step", async () => {
    const runs = [];
    for (let round = 0; round < 8; round++) {
      const file = path.join(temp.dir, `race-${round}.sqlite`);
      runs.push(...(await Promise.all([migrate(file), migrate(file)])));
    }
    const raced = runs.filter((r) =>
      /another process is migrating/.test(r.output),
    );
    console.log(
      `${runs.length} processes, ${raced.length} lost a race and retried`,
    );

    expect(runs.filter((r) => r.code !== 0).map((r) => r.output)).toEqual([]);
  });
});
