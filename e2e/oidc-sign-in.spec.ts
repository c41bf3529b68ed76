import { randomBytes } from "node:crypto";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import { startOidcServer, type OidcServer } from "@/lib/testing/oidc-server";
import { makeTempDir } from "@/lib/testing/temp-dir";
import { freePort } from "@/scripts/memcached.mjs";

// Its own app, because only an app started with OIDC_* settings offers
// single sign-on, and its own provider on 127.0.0.1, a different site from
// the app on localhost, as a real provider would be.
let memcached: MemcachedServer;
let oidc: OidcServer;
let app: AppServer;
let temp: ReturnType<typeof makeTempDir>;

const VERIFIED = { login: "ada", email: "ada@school.example" };
const UNVERIFIED = { login: "bo", email: "bo@school.example" };

// The second test signs in to the account the first one made.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  temp = makeTempDir();
  memcached = await startMemcachedServer();
  // The app reads its issuer at start and the provider needs the app's
  // redirect URI, so the provider's port and secret are chosen first.
  const oidcPort: number = await freePort();
  const clientSecret = randomBytes(24).toString("hex");
  app = await startAppServer({
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: `file:${path.join(temp.dir, "certdrill.sqlite")}`,
    LOG_LEVEL: "error",
    OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
    OIDC_CLIENT_ID: "certdrill",
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_NAME: "School ID",
  });
  oidc = await startOidcServer({
    port: oidcPort,
    clientSecret,
    redirectUris: [`${appUrl()}/api/auth/callback/oidc`],
    accounts: {
      [VERIFIED.login]: { email: VERIFIED.email, emailVerified: true },
      [UNVERIFIED.login]: { email: UNVERIFIED.email, emailVerified: false },
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await oidc?.stop();
  await memcached?.kill();
  temp?.remove();
});

/** Without NEXTAUTH_URL the app follows the Host header the browser sends. */
function appUrl() {
  return `http://localhost:${app.port}`;
}

/** Every top-level request the page makes, redirects included, in order. */
function recordNavigations(page: Page): string[] {
  const chain: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      chain.push(`${request.method()} ${request.url()}`);
  });
  return chain;
}

/** Content-Security-Policy refusals Chromium reports on the console. */
function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy"))
      violations.push(message.text());
  });
  return violations;
}

function report(title: string, chain: string[], violations: string[]) {
  console.log(`${title}:\n  ${chain.join("\n  ")}`);
  console.log(`CSP violations: ${violations.join("\n") || "none"}`);
}

/** From the app's sign-in page through the provider's login and consent. */
async function signInWithSchoolId(page: Page, login: string) {
  await page.goto(`${appUrl()}/sign-in`);
  await page.getByRole("button", { name: "Sign in with School ID" }).click();

  await page.getByPlaceholder("Enter any login").fill(login);
  // oidc-provider's development login page takes any password.
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a guest's answer stays with them when they sign in with School ID for the first time", async ({
  page,
}) => {
  const chain = recordNavigations(page);
  const violations = recordCspViolations(page);
  const status = page.getByTestId("session-status");

  await page.goto(`${appUrl()}/questions/session-store-for-stateless-web-tier`);
  await expect(status).toContainText("0 answered");
  await page.getByLabel(/ElastiCache for Memcached cluster/).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(status).toContainText("1 answered");

  await signInWithSchoolId(page, VERIFIED.login);
  await page.waitForURL(/\/(progress|sign-in)\b/);
  report("first sign-in", chain, violations);

  await expect(page).toHaveURL(`${appUrl()}/progress`);
  await expect(status).toContainText(VERIFIED.email);
  await expect(status).toContainText("1 answered");
  await expect(page.getByRole("link", { name: "Account" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("signing in with the same School ID later, in another browser, finds the same account", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const chain = recordNavigations(page);
  const violations = recordCspViolations(page);

  await signInWithSchoolId(page, VERIFIED.login);
  await page.waitForURL(/\/(progress|sign-in)\b/);
  report("second sign-in", chain, violations);

  await expect(page).toHaveURL(`${appUrl()}/progress`);
  const status = page.getByTestId("session-status");
  await expect(status).toContainText(VERIFIED.email);
  await expect(status).toContainText("1 answered");
  await context.close();
});

test("a School ID without a verified email is refused with a message that says why", async ({
  page,
}) => {
  const chain = recordNavigations(page);
  const violations = recordCspViolations(page);

  await signInWithSchoolId(page, UNVERIFIED.login);
  await page.waitForURL(/\/(progress|sign-in)\b/);
  report("unverified email", chain, violations);

  await expect(page).toHaveURL(`${appUrl()}/sign-in?error=OidcNoEmail`);
  await expect(page.locator("p[role=alert]")).toHaveText(
    "Your sign-on provider did not share a verified email address, so no account could be made.",
  );
  await expect(page.getByTestId("session-status")).toContainText(/Guest/);
});
