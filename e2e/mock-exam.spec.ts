import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";

import {
  chooseByKeyboard,
  expectLetterChooses,
  expectNoAnswerKey,
  recordResponses,
} from "./practice-helpers";

test("a learner sits a quick mock exam, reviews it before submitting, and reads the result", async ({
  page,
}) => {
  await page.goto("/exam");
  const responses = recordResponses(page);
  await page.getByRole("button", { name: "Start a quick exam" }).click();
  await expect(
    page.getByRole("heading", { name: "Question 1 of 10" }),
  ).toBeVisible();
  await expect(page.getByLabel(/Time left: (19|20) minutes/)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Answer eight, leave question 9 empty, flag question 10.
  for (let n = 1; n <= 10; n++) {
    await expect(
      page.getByRole("heading", { name: `Question ${n} of 10` }),
    ).toBeVisible();
    // A letter chooses on the exam screen as in drills.
    if (n === 1) await expectLetterChooses(page, "b");
    if (n <= 8) await chooseByKeyboard(page);
    if (n === 10) await page.keyboard.press("Shift+F");
    await expect(page.getByText("All answers saved")).toBeVisible();
    if (n < 10) await page.keyboard.press("n");
  }
  await expect(page.getByText("8 of 10 answered")).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Question 10, unanswered, flagged" }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Review and submit" }).first().click();
  const panel = page.getByRole("region", { name: "Review before you submit" });
  await expect(
    panel.getByRole("heading", { name: "Unanswered (2)" }),
  ).toBeVisible();
  await expect(
    panel.getByRole("heading", { name: "Flagged (1)" }),
  ).toBeVisible();
  expectNoAnswerKey(await responses());

  await panel.getByRole("button", { name: "Submit the exam" }).click();
  await expect(page).toHaveURL(/\/exam\/result\?id=/);
  await expect(
    page.getByRole("heading", { level: 2, name: /^\d{3,4} · (Pass|Fail)$/ }),
  ).toBeVisible();
  await expect(page.getByText(/of 10 correct/)).toBeVisible();
  await expect(page.getByText(/scaled score is an estimate/)).toContainText(
    "onto 100–1000 in a straight line (720 is about 69% correct).",
  );
  await expect(page.locator("details")).toHaveCount(10);
  await expect(
    page.locator("summary").filter({ hasText: "unanswered" }),
  ).toHaveCount(2);

  await page.locator("summary").first().click();
  await expect(
    page.getByRole("heading", { name: "Why it wins" }).first(),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({
    path: "test-results/exam-result.png",
    fullPage: true,
  });
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({
    path: "test-results/exam-result-dark.png",
    fullPage: true,
  });

  await page.goto("/exam");
  const history = page.getByRole("region", { name: "Your results" });
  await expect(
    history.getByRole("link", { name: "Review answers" }),
  ).toHaveCount(1);
  await expect(history).toContainText(/\d{3,4} (pass|fail)/);
});

test("a fast browser clock changes nothing, and the server refuses answers after the deadline", async ({
  page,
}) => {
  await page.goto("/exam");
  await page.getByRole("button", { name: "Start a quick exam" }).click();
  await expect(
    page.getByRole("heading", { name: "Question 1 of 10" }),
  ).toBeVisible();
  const { active } = (await (await page.request.get("/api/exams")).json()) as {
    active: string;
  };
  const exam = (await (
    await page.request.get(`/api/exams/${active}`)
  ).json()) as { questions: { id: string }[] };
  const firstQuestion = exam.questions[0]!.id;

  await page.clock.install({ time: new Date(Date.now() + 2 * 60 * 60_000) });
  await page.reload();
  await expect(
    page.getByRole("heading", { name: "Question 1 of 10" }),
  ).toBeVisible();
  await expect(page.getByLabel(/Time left: (19|20) minutes/)).toBeVisible();

  // Move the deadline into the past where the server keeps it; the session
  // in memcached still holds the old one, and must not be trusted alone.
  const db = new Database(process.env.E2E_DATABASE!);
  db.prepare("update exams set deadline_at = ? where id = ?").run(
    new Date(Date.now() - 1000).toISOString(),
    active,
  );
  db.close();

  const late = await page.request.put(
    `/api/exams/${active}/answers/${firstQuestion}`,
    {
      data: { chosen: ["A"], flagged: false },
    },
  );
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { error: { code: string } }).error.code).toBe(
    "EXAM_OVER",
  );
  const submit = await page.request.post(`/api/exams/${active}/submit`);
  expect(submit.status()).toBe(409);

  await page.keyboard.press("1");
  await expect(page).toHaveURL(/\/exam\/result\?id=/);
  await expect(page.getByText(/the time ran out/)).toBeVisible();
});
