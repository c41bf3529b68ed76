import path from "node:path";
import { tmpdir } from "node:os";

import { defineConfig } from "@playwright/test";

import { freePort } from "./scripts/memcached.mjs";

// Decided once in the main process; the workers inherit these variables.
process.env.E2E_APP_PORT ??= String(await freePort());
process.env.E2E_MEMCACHED_PORT ??= String(await freePort());
process.env.E2E_DATABASE ??= path.join(
  tmpdir(),
  `certdrill-e2e-${Date.now()}.sqlite`,
);

const appPort = process.env.E2E_APP_PORT;
const memcachedPort = process.env.E2E_MEMCACHED_PORT;
const runAsRoot = process.getuid?.() === 0 ? " -u root" : "";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  // The specs are whole journeys (accounts made with the CLI, two browsers,
  // several axe scans) on two shared cores, and the longest take 20-25 s on
  // a busy run. The limit is there to stop a hung test, not to time one.
  timeout: 60_000,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${appPort}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Playwright cannot download its own browser here; Debian's chromium it is.
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: `memcached -l 127.0.0.1 -p ${memcachedPort} -U 0 -m 64${runAsRoot}`,
      port: Number(memcachedPort),
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs --port ${appPort}`,
      url: `http://localhost:${appPort}/`,
      reuseExistingServer: false,
      env: {
        MEMCACHED_SERVERS: `127.0.0.1:${memcachedPort}`,
        DATABASE_URL: `file:${process.env.E2E_DATABASE}`,
        LOG_LEVEL: "warn",
      },
    },
  ],
});
