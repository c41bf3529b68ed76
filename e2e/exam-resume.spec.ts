import path from "node:path";

import { expect, test } from "@playwright/test";

import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import { makeTempDir } from "@/lib/testing/temp-dir";

import { chooseByKeyboard } from "./practice-helpers";

// Its own memcached and app, because this spec restarts both.
let memcached: MemcachedServer;
let app: AppServer;
let temp: ReturnType<typeof makeTempDir>;

const env = () => ({
  MEMCACHED_SERVERS: memcached.address,
  DATABASE_URL: `file:${path.join(temp.dir, "certdrill.sqlite")}`,
  LOG_LEVEL: "error",
});

test.beforeAll(async () => {
  temp = makeTempDir();
  memcached = await startMemcachedServer();
  app = await startAppServer(env());
});

test.afterAll(async () => {
  await app?.stop();
  await memcached?.kill();
  temp?.remove();
});

test("an exam resumes after the app restarts and memcached has forgotten every session", async ({
  page,
}) => {
  await page.goto(`http://localhost:${app.port}/exam`);
  await page.getByRole("button", { name: "Start a quick exam" }).click();
  for (let n = 1; n <= 3; n++) {
    await expect(
      page.getByRole("heading", { name: `Question ${n} of 10` }),
    ).toBeVisible();
    await chooseByKeyboard(page);
    await expect(page.getByText("All answers saved")).toBeVisible();
    await page.keyboard.press("n");
  }
  await page.keyboard.press("Shift+F");
  await expect(page.getByText("All answers saved")).toBeVisible();
  const clockBefore = await page
    .getByLabel(/Time left/)
    .getAttribute("aria-label");

  await app.stop();
  await memcached.restart();
  app = await startAppServer(env());

  await page.goto(`http://localhost:${app.port}/exam/take`);
  await expect(page.getByText("3 of 10 answered")).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Question 4, unanswered, flagged" }),
  ).toBeVisible();
  const clockAfter = await page
    .getByLabel(/Time left/)
    .getAttribute("aria-label");
  const minutes = (label: string | null) =>
    Number(/(\d+) minutes/.exec(label ?? "")?.[1]);
  expect(minutes(clockAfter)).toBeLessThanOrEqual(minutes(clockBefore));
  expect(minutes(clockAfter)).toBeGreaterThanOrEqual(minutes(clockBefore) - 1);
  console.log(`clock before restart: ${clockBefore}; after: ${clockAfter}`);
});
