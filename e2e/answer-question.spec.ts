import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { expectNoAnswerKey, pageAndRscBodies } from "./practice-helpers";

const QUESTION = "/questions/session-store-for-stateless-web-tier";

const SECRETS = [
  "well under a millisecond",
  "most tempting distractor",
  "Quick insight",
  "Exam rule vs real world",
];

test("the prerendered question page and its RSC payload hold no answer key", async ({
  request,
}) => {
  const bodies = await pageAndRscBodies(request, QUESTION);

  for (const body of bodies)
    expect(body).toContain("ElastiCache for Memcached cluster");
  expectNoAnswerKey(bodies, SECRETS);
});

test("a learner answers correctly and reads why every distractor is a trap", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByText("Use data stores in application development").click();
  await page
    .getByRole("link", { name: /lowest read and write latency/ })
    .click();
  await expect(page.getByTestId("session-status")).toContainText("0 answered");

  await page.getByLabel(/ElastiCache for Memcached cluster/).check();
  await page.getByRole("button", { name: "Check answer" }).click();

  const verdict = page.getByRole("status");
  await expect(verdict).toContainText("Correct");
  await expect(verdict).toContainText("The answer is C.");
  await expect(
    page.getByRole("heading", { name: "Why it wins" }),
  ).toBeVisible();
  for (const letter of ["A", "B", "D"]) {
    await expect(
      page.getByRole("heading", { name: `Option ${letter}` }),
    ).toBeVisible();
  }
  await expect(page.getByTestId("session-status")).toContainText(
    "1 answered · 1 correct",
  );
  await page.screenshot({
    path: "test-results/answered-correctly.png",
    fullPage: true,
  });
});

test("a wrong answer is marked and the key is shown", async ({ page }) => {
  await page.goto(QUESTION);
  await expect(page.getByTestId("session-status")).toBeVisible();

  await page.getByLabel(/Amazon DynamoDB table/).check();
  await page.getByRole("button", { name: "Check answer" }).click();

  await expect(page.getByRole("status")).toContainText("Not quite");
  await expect(page.getByRole("status")).toContainText("The answer is C.");
  await expect(
    page.getByRole("heading", { name: "Option D (your choice)" }),
  ).toBeVisible();
  await expect(page.getByText(/most tempting distractor/)).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Technical blueprint" }),
  ).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();

  await page.getByRole("link", { name: "Next question →" }).click();
  await expect(page).not.toHaveURL(/session-store-for-stateless-web-tier/);
  await expect(
    page.getByRole("button", { name: "Check answer" }),
  ).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
});

test("the session cookie is opaque, httpOnly, SameSite=Lax and Secure", async ({
  page,
  context,
}) => {
  await page.goto(QUESTION);
  await expect(page.getByTestId("session-status")).toBeVisible();

  const cookies = await context.cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({
    name: "certdrill_session",
    httpOnly: true,
    sameSite: "Lax",
    secure: true,
    value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  });
});

test("the home page lists every task statement and has no accessibility violations", async ({
  page,
}) => {
  await page.goto("/");

  await expect(page.locator("details")).toHaveCount(13);
  await page.getByText("Develop code for AWS Lambda").click();
  await expect(
    page.getByRole("link", { name: /Choose/ }).first(),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("the question page has no accessibility violations before or after answering", async ({
  page,
}) => {
  await page.goto(QUESTION);
  await expect(page.getByTestId("session-status")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByLabel(/Amazon RDS for MySQL/).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
