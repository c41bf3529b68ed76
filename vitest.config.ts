import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { defineConfig } from "vitest/config";

const shared = {
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Server modules import "server-only" to stay out of client bundles;
      // the tests run them in plain Node, where that guard has no meaning.
      "server-only": path.join(
        import.meta.dirname,
        "node_modules/server-only/empty.js",
      ),
    },
  },
};

/**
 * Every test file that takes its database from the test-database helper:
 * the data-layer tests and the integration tests whose servers it gives a
 * database. The "postgres" project runs them all again on PostgreSQL.
 */
function testsOnTheTestDatabase(): string[] {
  return ["lib", "e2e"].flatMap((folder) =>
    readdirSync(path.join(import.meta.dirname, folder), {
      recursive: true,
      encoding: "utf8",
    })
      .map((file) => path.join(folder, file))
      .filter(
        (file) =>
          file.endsWith(".test.ts") &&
          readFileSync(path.join(import.meta.dirname, file), "utf8").includes(
            '"@/lib/testing/test-database"',
          ),
      ),
  );
}

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.ts"],
          environment: "node",
          env: { LOG_LEVEL: "warn" },
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: [
            "lib/**/*.integration.test.ts",
            "e2e/**/*.integration.test.ts",
          ],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        ...shared,
        test: {
          name: "postgres",
          include: testsOnTheTestDatabase(),
          environment: "node",
          env: { TEST_DATABASE: "postgres", LOG_LEVEL: "warn" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The integration tests among them start production servers;
          // one file at a time, as in the integration project.
          fileParallelism: false,
        },
      },
    ],
  },
});
