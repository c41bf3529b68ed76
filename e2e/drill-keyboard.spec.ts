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

test("a learner drills three questions by keyboard alone, and nothing sent before a check holds its explanation", async ({
  page,
}) => {
  // From the first byte of /drill: its HTML with the inline RSC payload,
  // the session, the drill's start and every JSON call after it.
  let responses = recordResponses(page);
  await page.goto("/drill");
  await expect(page.getByTestId("session-status")).toContainText("answered");
  const shell = await pageAndRscBodies(page.request, "/drill");

  await page.getByLabel("Domain").focus();
  await page.keyboard.press("ArrowDown"); // domain 1
  await page.getByRole("radio", { name: "10" }).focus();
  await page.getByRole("button", { name: "Start drill" }).focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { name: "Question 1 of 10" }),
  ).toBeVisible();

  for (let n = 1; n <= 3; n++) {
    await expect(
      page.getByRole("heading", { name: `Question ${n} of 10` }),
    ).toBeFocused();
    if (n === 1) {
      await expectLetterChooses(page, "b");
      await expect(
        page.getByRole("button", { name: /Bookmark/ }),
      ).toHaveAttribute("aria-pressed", "false");
    }
    await chooseByKeyboard(page);
    const beforeCheck = await responses();
    if (n === 1) beforeCheck.push(...shell);

    const { phrases } = await checkAndReadKey(page);
    expectNoAnswerKey(beforeCheck, phrases);
    responses = recordResponses(page);
    const verdict = page
      .getByRole("status")
      .filter({ hasText: /Correct|Not quite/ });
    await expect(verdict).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Why it wins" }),
    ).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Why the others are traps" }),
    ).toBeVisible();
    await expect(page.locator("[data-verdict]")).toBeFocused();

    if (n === 1) {
      await page.keyboard.press("Shift+B");
      await expect(
        page.getByRole("button", { name: /Bookmarked/ }),
      ).toHaveAttribute("aria-pressed", "true");
      await page.keyboard.press("Shift+F");
      await expect(
        page.getByRole("button", { name: /Flagged for review/ }),
      ).toBeVisible();
      await page.keyboard.press("?");
      await expect(
        page.getByRole("dialog", { name: "Keyboard shortcuts" }),
      ).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();
    }
    await page.keyboard.press("n");
  }

  await expect(
    page.getByRole("heading", { name: "Question 4 of 10" }),
  ).toBeVisible();
  await expect(page.getByTestId("session-status")).toContainText("3 answered");
});

test("a reload on an answered drill question shows its verdict and explanation again", async ({
  page,
}) => {
  await page.goto("/drill");
  await page.getByRole("button", { name: "Start drill" }).click();
  await chooseByKeyboard(page);
  await page.keyboard.press("Enter");
  const verdict = page
    .getByRole("status")
    .filter({ hasText: /Correct|Not quite/ });
  await expect(verdict).toBeVisible();
  const said = await verdict.textContent();
  const chosen = await page.locator("fieldset input:checked").count();

  await page.reload();

  await expect(
    page.getByRole("heading", { name: "Question 1 of 10" }),
  ).toBeVisible();
  await expect(verdict).toHaveText(said ?? "");
  await expect(
    page.getByRole("heading", { name: "Why it wins" }),
  ).toBeVisible();
  await expect(page.locator("fieldset input:checked")).toHaveCount(chosen);
  await expect(
    page.getByRole("button", { name: "Check answer (Enter)" }),
  ).toHaveCount(0);
});

test("a multiple-response question needs its N choices before it is checked", async ({
  page,
}) => {
  await page.goto("/drill");
  await page.getByRole("radio", { name: "All that match" }).check();
  await page.getByRole("button", { name: "Start drill" }).click();

  for (let n = 0; n < 61; n++) {
    await expect(page.locator("legend").first()).toHaveText(/Choose/);
    if (
      /Choose \d/.test(
        (await page.locator("legend").first().textContent()) ?? "",
      )
    )
      break;
    await page.keyboard.press("n");
  }
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");

  await expect(
    page.getByRole("alert").filter({ hasText: "Choose" }),
  ).toContainText(/Choose exactly \d options; you have chosen 1/);
  await expect(
    page.getByRole("status").filter({ hasText: /Correct|Not quite/ }),
  ).toHaveCount(0);
});

test("the drill page has no accessibility violations in setup and in a question", async ({
  page,
}) => {
  await page.goto("/drill");
  await expect(page.getByRole("button", { name: "Start drill" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole("button", { name: "Start drill" }).click();
  await chooseByKeyboard(page);
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { name: "Why it wins" }),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({
    path: "test-results/drill-answered.png",
    fullPage: true,
  });
});
