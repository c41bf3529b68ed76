import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { createUserWithCli, PASSWORD, signInWithForm } from "./account-helpers";

let instructor: string;

test.beforeAll(() => {
  instructor = createUserWithCli("instructor");
});

test.beforeEach(async ({ page }) => {
  await signInWithForm(page, instructor);
});

test("a guest is sent to sign in and brought back; a learner is told the preview is for instructors", async ({
  browser,
}) => {
  const guest = await browser.newPage();
  await guest.goto("/author/preview");
  await expect(guest).toHaveURL(/\/sign-in\?callbackUrl=%2Fauthor%2Fpreview$/);
  await guest.getByLabel("Email").fill(instructor);
  await guest.getByLabel("Password").fill(PASSWORD);
  await guest.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(guest).toHaveURL(/\/author\/preview$/);
  await expect(
    guest.getByRole("heading", { name: "Question preview" }),
  ).toBeVisible();
  await guest.close();

  const learner = await browser.newPage();
  await signInWithForm(learner, createUserWithCli("learner"));
  const refused = await learner.goto("/author/preview");
  expect(refused?.status()).toBe(403);
  await expect(
    learner.getByRole("heading", { name: "Not allowed" }),
  ).toBeVisible();
  await expect(
    learner.getByText("This is only for instructors."),
  ).toBeVisible();
  await expect(learner.getByLabel("Question file (Markdown)")).toHaveCount(0);
  await learner.close();
});

test("an author sees each problem with its line, jumps to it, and sees the fix land", async ({
  page,
}) => {
  await page.goto("/author/preview");
  const status = page.getByTestId("preview-status");
  await expect(status).toHaveText(
    "No problems: this file is ready for the bank.",
  );
  await expect(
    page.getByRole("heading", { name: "Why it wins" }),
  ).toBeVisible();

  const editor = page.getByLabel("Question file (Markdown)");
  const draft = await editor.inputValue();
  await editor.fill(
    draft
      .replace("difficulty: medium", "difficulty: brutal")
      .replace("## Quick insight", "## Quick Insight")
      .replace("```bash", "```rust"),
  );

  await expect(status).toHaveText("4 problem(s) to fix.");
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(problems).toContainText('7:13 "difficulty"');
  await expect(problems).toContainText('"## Quick Insight" is not a section');
  await expect(problems).toContainText(
    'the section "## Quick insight" is missing',
  );
  await expect(problems).toContainText(
    'the code language "rust" is not supported',
  );

  await problems.getByRole("button", { name: /is not a section/ }).click();
  const caretLine = await editor.evaluate(
    (area: HTMLTextAreaElement) =>
      area.value.slice(0, area.selectionStart).split("\n").length,
  );
  expect(caretLine).toBe(
    draft.split("\n").findIndex((line) => line === "## Quick insight") + 1,
  );

  await editor.fill(draft);
  await expect(status).toHaveText(
    "No problems: this file is ready for the bank.",
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("hostile Markdown is shown as text, never run", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto("/author/preview");
  const editor = page.getByLabel("Question file (Markdown)");
  const draft = await editor.inputValue();

  await editor.fill(
    draft.replace(
      "Describe the team",
      '<img src=x onerror="alert(1)"> [x](javascript:alert(2)) ' +
        "<script>alert(3)</script> Describe the team",
    ),
  );
  await expect(page.getByTestId("preview-status")).toHaveText(
    "No problems: this file is ready for the bank.",
  );
  const anchor = page.locator(".prose-question a", { hasText: /^x$/ });
  await expect(anchor).not.toHaveAttribute("href", /javascript/);
  await anchor.click();

  expect(dialogs).toEqual([]);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});
