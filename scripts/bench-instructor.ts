// `npm run bench:instructor`: times the cohort table and the item analysis
// over 1,000 learners and 100,000 attempts (scripts/bench-instructor-once.ts)
// on a fresh SQLite file and, when the PostgreSQL test database answers
// (TEST_POSTGRES_URL, by default the local database `test`), on a scratch
// schema there. Each run is its own process, since the app keeps one
// database handle per process, and each scratch database is dropped after.
import { spawnSync } from "node:child_process";
import path from "node:path";

import { describeDatabaseUrl, type Dialect } from "@/lib/db/database-url";
import {
  createScratchDatabase,
  postgresReachable,
  testPostgresUrl,
} from "@/lib/testing/scratch-database";

const once = path.join(import.meta.dirname, "bench-instructor-once.ts");
const dialects: Dialect[] = ["sqlite"];
if (await postgresReachable()) dialects.push("postgres");
else {
  console.log(
    `PostgreSQL does not answer at ${describeDatabaseUrl(testPostgresUrl())}` +
      ": SQLite only (TEST_POSTGRES_URL names another database)",
  );
}

for (const dialect of dialects) {
  const scratch = await createScratchDatabase(dialect, "certdrill_bench");
  console.log(
    dialect === "sqlite"
      ? `\nSQLite, a scratch file: ${describeDatabaseUrl(scratch.url)}`
      : `\nPostgreSQL, a scratch schema in ${describeDatabaseUrl(scratch.url)}`,
  );
  try {
    const { status } = spawnSync(
      process.execPath,
      [...process.execArgv, once],
      {
        stdio: "inherit",
        env: {
          ...process.env,
          DATABASE_URL: scratch.url,
          CERTDRILL_BENCH_SCRATCH: "1",
          LOG_LEVEL: "warn",
        },
      },
    );
    if (status !== 0) process.exitCode = 1;
  } finally {
    await scratch.drop();
  }
}
