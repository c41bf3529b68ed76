// The PostgreSQL step of `npm test`: checks that the test database answers,
// then runs the data-layer and integration tests on it.
import pg from "pg";

import { fail, run, say } from "./prerequisites.mjs";

// The same default as lib/testing/scratch-database.ts.
const url =
  process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";
const safeUrl = url.replace(/\/\/[^@/]*@/, "//…@");

const client = new pg.Client({
  connectionString: url,
  connectionTimeoutMillis: 3000,
});
try {
  await client.connect();
  await client.query("select 1");
} catch (error) {
  fail(
    `PostgreSQL does not answer at ${safeUrl} (${error.message}). Start it, ` +
      "or point the tests at another database in which they may create and " +
      "drop schemas: TEST_POSTGRES_URL=postgres://user:password@host:5432/" +
      "database npm test",
  );
} finally {
  await client.end().catch(() => undefined);
}

say(`PostgreSQL answers at ${safeUrl}; each test gets a schema of its own.`);
process.exitCode = run("npx", ["vitest", "run", "--project", "postgres"], {
  env: { ...process.env, TEST_DATABASE: "postgres" },
});
