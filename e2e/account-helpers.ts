import { execFileSync } from "node:child_process";

import { expect, type Page } from "@playwright/test";

export const PASSWORD = "orchid lantern gravel quietly";

let created = 0;

/**
 * Creates an account with the documented command, `npm run user:create`,
 * against the database the suite's app server uses.
 */
export function createUserWithCli(role: "learner" | "instructor" | "admin") {
  const email = `${role}-${process.pid}-${Date.now()}-${created++}@example.com`;
  execFileSync(
    "npm",
    [
      "run",
      "-s",
      "user:create",
      "--",
      "--email",
      email,
      "--role",
      role,
      "--password-stdin",
    ],
    {
      input: PASSWORD,
      env: {
        ...process.env,
        DATABASE_URL: `file:${process.env.E2E_DATABASE}`,
        LOG_LEVEL: "error",
      },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  return email;
}

/** Signs in through the sign-in page, as a person would. */
export async function signInWithForm(
  page: Page,
  email: string,
  password = PASSWORD,
) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.getByRole("link", { name: "Account" })).toBeVisible();
}
