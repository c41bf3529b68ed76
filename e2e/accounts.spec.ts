import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { chooseByKeyboard } from "./practice-helpers";
import { PASSWORD, signInWithForm } from "./account-helpers";

test("a guest signs up, keeps their progress, signs out everywhere, and a second browser is signed out too", async ({
  page,
  browser,
}) => {
  await page.goto("/drill");
  await page.getByRole("button", { name: "Start drill" }).click();
  await chooseByKeyboard(page);
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { name: "Why it wins" }),
  ).toBeVisible();
  await expect(page.getByTestId("session-status")).toContainText("1 answered");

  const email = `walker-${Date.now()}@example.com`;
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Create one" }).click();
  // The sign-in page has fields of the same names: filling before the
  // sign-up page has replaced it would type into the page being left.
  await expect(
    page.getByRole("heading", { name: "Create an account" }),
  ).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("p[role=alert]")).toContainText(
    "at least 15 characters",
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.getByTestId("session-status")).toContainText(email);
  await expect(page.getByTestId("session-status")).toContainText("1 answered");
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toContain("certdrill_auth");
  expect(cookies.map((c) => c.name)).not.toContain("certdrill_session");

  const other = await browser.newContext();
  const second = await other.newPage();
  await signInWithForm(second, email);
  await expect(second.getByTestId("session-status")).toContainText(
    "1 answered",
  );

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId("session-status")).toContainText(/Guest/);

  await second.reload();
  await expect(second.getByTestId("session-status")).toContainText(/Guest/);
  await expect(second.getByTestId("session-status")).toContainText(
    "0 answered",
  );
  await other.close();

  await signInWithForm(page, email);
  await expect(page.getByTestId("session-status")).toContainText("1 answered");
});

test("a wrong password is refused with a plain message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("definitely not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page.locator("p[role=alert]")).toHaveText(
    "The email or the password is not right.",
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
