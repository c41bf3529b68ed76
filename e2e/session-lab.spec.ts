import { readFileSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const MEMCACHED = `127.0.0.1:${process.env.E2E_MEMCACHED_PORT}`;
const DURATION = /^\d+(\.\d+)? ms$/;

test("the Session Lab names the instance and memcached node of every request, with the session's read and write times", async ({
  page,
}) => {
  await page.goto("/session-lab");
  const rows = page.getByTestId("session-lab-probes").getByRole("row");
  await expect(rows).toHaveCount(1);
  await page.getByRole("button", { name: "Ask the server again" }).click();
  await expect(rows).toHaveCount(2);

  for (const row of await rows.all()) {
    const cells = row.getByRole("cell");
    await expect(cells.nth(1)).not.toBeEmpty();
    await expect(cells.nth(3)).toHaveText(MEMCACHED);
    await expect(cells.nth(4)).toHaveText("none (one node)");
    await expect(cells.nth(5)).toHaveText(DURATION);
    await expect(cells.nth(6)).toHaveText(DURATION);
  }
  const keys = await rows.locator("td:nth-child(3)").allTextContents();
  expect(keys[0]).toMatch(/^sess:[0-9a-f]{8}…$/);
  expect(new Set(keys).size).toBe(1);
});

test("the Session Lab shows the saved benchmark report: its reading, the stores and every goal with its verdict", async ({
  page,
}) => {
  const report = JSON.parse(
    readFileSync("content/benchmarks/latest.json", "utf8"),
  ) as { commit: string; goals: { name: string; met: boolean }[] };
  await page.goto("/session-lab");

  await expect(page.getByText(`at commit ${report.commit}`)).toBeVisible();
  const reading = page.getByRole("region", { name: "What the figures say" });
  await expect(reading.getByRole("paragraph").first()).toContainText(/\d/);
  const stores = page.getByRole("region", { name: "Session stores" });
  for (const store of ["Memcached", "PostgreSQL", "SQLite", "Shared files"]) {
    await expect(
      stores.getByRole("rowheader", { name: store }).first(),
    ).toBeVisible();
  }
  const goals = page.getByRole("region", {
    name: "certdrill against its own goals",
  });
  for (const goal of report.goals) {
    await expect(
      goals.getByRole("row", { name: goal.name }).first(),
    ).toContainText(goal.met ? "(met)" : "(not met)");
  }
});

test("the session-store question's explanation links to the Session Lab", async ({
  page,
}) => {
  await page.goto("/questions/session-store-for-stateless-web-tier");
  await expect(page.getByTestId("session-status")).toBeVisible();
  await page.getByLabel(/Amazon DynamoDB table/).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await page
    .getByRole("main")
    .getByRole("link", { name: "Session Lab" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Session Lab" }),
  ).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  for (const [size, viewport] of [
    ["phone", { width: 375, height: 740 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    test(`the Session Lab passes axe in the ${scheme} theme on a ${size}, with nothing wider than the screen`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await page.goto("/session-lab");
      await expect(
        page.getByTestId("session-lab-probes").getByRole("row"),
      ).toHaveCount(1);

      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      await page.screenshot({
        path: test.info().outputPath(`session-lab-${scheme}-${size}.png`),
        fullPage: true,
      });
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}
