import path from "node:path";

import { expect, test } from "@playwright/test";

import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import { makeTempDir } from "@/lib/testing/temp-dir";

// This spec runs its own memcached and app, so it can stop memcached without
// disturbing the other specs.
let memcached: MemcachedServer;
let app: AppServer;
let temp: ReturnType<typeof makeTempDir>;

test.beforeAll(async () => {
  temp = makeTempDir();
  memcached = await startMemcachedServer();
  app = await startAppServer({
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: `file:${path.join(temp.dir, "certdrill.sqlite")}`,
    LOG_LEVEL: "error",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await memcached?.kill();
  temp?.remove();
});

test("a learner is told plainly while memcached is down and carries on once it returns", async ({
  page,
}) => {
  await page.goto(
    `http://localhost:${app.port}/questions/session-store-for-stateless-web-tier`,
  );
  await expect(page.getByTestId("session-status")).toContainText("0 answered");

  await memcached.kill();
  await page.getByLabel(/ElastiCache for Memcached cluster/).check();
  await page.getByRole("button", { name: "Check answer" }).click();

  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "session store cannot be reached" }),
  ).toBeVisible();
  await expect(
    page.getByLabel(/ElastiCache for Memcached cluster/),
  ).toBeChecked();

  await memcached.restart();
  await page.getByRole("button", { name: "Check answer" }).click();

  await expect(page.getByRole("status")).toContainText("Correct");
  await expect(page.getByTestId("session-status")).toContainText("1 answered");
});
