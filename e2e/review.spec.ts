import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import {
  checkAndReadKey,
  chooseByKeyboard,
  expectLetterChooses,
  expectNoAnswerKey,
  pageAndRscBodies,
  recordResponses,
} from "./practice-helpers";

test("a flagged drill question comes up in review and leaves the queue once answered", async ({
  page,
}) => {
  await page.goto("/review");
  await expect(
    page.getByRole("heading", { name: "Nothing is due right now" }),
  ).toBeVisible();

  await page.goto("/drill");
  await page.getByRole("button", { name: "Start drill" }).click();
  await expect(
    page.getByRole("heading", { name: "Question 1 of 10" }),
  ).toBeVisible();
  await page.keyboard.press("Shift+F");
  await expect(
    page.getByRole("button", { name: /Flagged for review/ }),
  ).toBeVisible();

  const responses = recordResponses(page);
  await page.goto("/review");
  await expect(
    page.getByRole("heading", { name: "Review 1 of 1 due" }),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await expectLetterChooses(page, "b");
  await chooseByKeyboard(page);
  const beforeCheck = [
    ...(await responses()),
    ...(await pageAndRscBodies(page.request, "/review")),
  ];
  const { phrases } = await checkAndReadKey(page);
  expectNoAnswerKey(beforeCheck, phrases);
  await expect(page.getByText(/Next review: /)).toBeVisible();
  await page.keyboard.press("n");

  await expect(
    page.getByRole("heading", { name: "Review done for now" }),
  ).toBeVisible();
  await expect(page.getByText(/You reviewed 1 question/)).toBeVisible();
});

test("a learner sets an exam date and sees progress with readiness and the mastery map", async ({
  page,
}) => {
  await page.goto("/drill");
  await page.getByRole("button", { name: "Start drill" }).click();
  for (let n = 1; n <= 2; n++) {
    await expect(
      page.getByRole("heading", { name: `Question ${n} of 10` }),
    ).toBeVisible();
    await chooseByKeyboard(page);
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("heading", { name: "Why it wins" }),
    ).toBeVisible();
    await page.keyboard.press("n");
  }

  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Readiness" })).toBeVisible();
  await expect(page.getByText(/From your 2 answers/)).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Mastery map" }),
  ).toBeVisible();
  await expect(page.getByText(/not started/).first()).toBeVisible();
  // Two answers leave at least two of the four domains without any.
  await expect(
    page.getByRole("img", { name: /: no answers yet/ }),
  ).toBeVisible();
  await expect(page.getByText("no answers yet").first()).toBeVisible();
  await page.getByLabel("My exam date").fill("2027-03-15");
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(page.getByText("Exam date saved: 2027-03-15.")).toBeVisible();

  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: "test-results/progress.png", fullPage: true });
});
