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
    ],
  },
});
