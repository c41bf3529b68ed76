import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { createUserWithCli, signInWithForm } from "./account-helpers";

test("an instructor creates a cohort, a learner joins by link and answers, and the instructor sees it in every report", async ({
  page,
  browser,
}) => {
  const instructor = createUserWithCli("instructor");
  await signInWithForm(page, instructor);
  await page.getByRole("link", { name: "Cohorts" }).click();
  await page.getByLabel("Name").fill("Spring DVA-C02");
  await page.getByLabel("Target exam date (optional)").fill("2027-03-15");
  await page.getByRole("button", { name: "Create cohort" }).click();
  const link = await page
    .locator("code")
    .filter({ hasText: "/join?code=" })
    .first()
    .textContent();
  expect(link).toMatch(/^\/join\?code=[A-Z2-9]{8}$/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto(link!);
  await learner.getByRole("button", { name: "Join" }).click();
  await expect(
    learner.getByRole("status").filter({ hasText: "You joined" }),
  ).toHaveText("You joined Spring DVA-C02.");
  await learner.goto("/questions/session-store-for-stateless-web-tier");
  await learner.getByLabel(/ElastiCache for Memcached cluster/).check();
  await learner.getByRole("button", { name: "Check answer" }).click();
  await expect(learner.getByTestId("session-status")).toContainText(
    "1 answered",
  );
  await learnerContext.close();

  const itemReports: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/items")) itemReports.push(request.url());
  });
  await page.getByRole("link", { name: "Spring DVA-C02" }).click();
  const table = page.getByRole("table", { name: /Learners of the cohort/ });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("100%");
  await expect(
    page.getByRole("table", { name: /Mastery of each task statement/ }),
  ).toContainText("20");
  const item = page.locator("details").filter({ hasText: "1 attempts" });
  await expect(item).toHaveCount(1);
  await expect(item.locator("summary")).toContainText(/average time \d+ s/);
  // Sorting and searching the learners fetch the table, not the report.
  await table.getByRole("button", { name: "Last active" }).click();
  await expect(table).toHaveAccessibleName(/sorted by lastActive/);
  await page.getByLabel("Search learners").fill("guest");
  await expect(table.getByRole("row")).toHaveCount(2);
  await item.locator("summary").click();
  await expect(item.getByRole("row", { name: /\(key\)/ })).toContainText(
    "1 (100%)",
  );
  await expect(
    item.getByRole("cell", { name: /RDS|Aurora|DynamoDB|EFS|file/i }).first(),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const download = await page.request.get(
    (await page
      .getByRole("link", { name: "learners.csv" })
      .getAttribute("href"))!,
  );
  expect(download.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await download.text()).toContain("Learner,Answered,Accuracy %");
  await page.screenshot({
    path: "test-results/instructor-cohort.png",
    fullPage: true,
  });

  expect(itemReports).toHaveLength(1);

  await table.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Readiness" })).toBeVisible();
  await expect(page.getByText(/From your one answer/)).toBeVisible();
  await expect(
    page.getByText("Bookmarks stay private to the learner.", { exact: false }),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.goto("/instructor");
  await page
    .getByRole("link", { name: "item analysis over every learner" })
    .click();
  await expect(
    page.getByRole("heading", { name: "Item analysis over every learner" }),
  ).toBeVisible();
  // The learner above answered, so at least one question has attempts.
  await expect(
    page
      .locator("details")
      .filter({ hasText: /\b[1-9]\d* attempts/ })
      .first(),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
