import { createHash } from "node:crypto";

import { expect, test, type APIResponse, type Page } from "@playwright/test";

import { createUserWithCli, signInWithForm } from "./account-helpers";

const QUESTION = "/questions/session-store-for-stateless-web-tier";

const USUAL_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  // `next start` runs in production mode; browsers ignore it over http.
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};

const RESPONSES = [
  ["the home page", "/", 200],
  ["a question page", QUESTION, 200],
  ["the drill page", "/drill", 200],
  ["the progress page", "/progress", 200],
  ["the exam result page", "/exam/result?id=x", 200],
  ["the sign-in page", "/sign-in", 200],
  ["the Session Lab", "/session-lab", 200],
  ["the health API", "/api/health", undefined],
  ["the progress API", "/api/progress", 401],
  ["a missing page", "/no-such-page", 404],
] as const;

/** Directive name → its sources, from a Content-Security-Policy value. */
function directives(policy: string) {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** The sha256 source of every inline script the HTML holds. */
function inlineScriptHashes(html: string) {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => createHash("sha256").update(body!).digest("base64"))
    .map((hash) => `'sha256-${hash}'`);
}

type Violation = {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  column: number;
};

/** Collects every CSP violation the page reports, across full page loads. */
async function recordViolations(page: Page) {
  const violations: Violation[] = [];
  await page.exposeFunction("reportCspViolation", (violation: Violation) =>
    violations.push(violation),
  );
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as Record<string, unknown>)
        .reportCspViolation as (violation: Violation) => void;
      report({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
      });
    });
  });
  return violations;
}

/**
 * zod 4 checks once per page load whether it may compile code, by calling
 * Function("") inside a try; the refusal is reported although zod then just
 * uses its interpreter. `z.config({ jitless: true })` would skip the probe.
 */
async function isZodEvalProbe(page: Page, violation: Violation) {
  const { directive, blocked, source } = violation;
  if (directive !== "script-src" || blocked !== "eval" || !source) return false;
  const code = await (await page.request.get(source)).text();
  const line = code.split("\n")[violation.line - 1] ?? "";
  return line.slice(violation.column - 1).startsWith('Function("")');
}

/**
 * Checks the usual headers and a strict script policy on a real response,
 * and that every inline script of its HTML is allowed by hash. Returns how
 * many inline scripts the HTML held.
 */
async function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();

  for (const [key, value] of Object.entries(USUAL_HEADERS)) {
    expect(headers[key], key).toBe(value);
  }
  expect(headers["permissions-policy"]).toMatch(/(^|, )camera=\(\)/);
  for (const feature of ["microphone", "geolocation", "payment", "usb"]) {
    expect(headers["permissions-policy"]).toContain(`${feature}=()`);
  }

  const csp = directives(headers["content-security-policy"] ?? "");
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  const scriptSrc = csp.get("script-src") ?? [];
  expect(scriptSrc[0]).toBe("'self'");
  for (const source of scriptSrc.slice(1)) {
    expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  }

  if (!headers["content-type"]?.startsWith("text/html")) return 0;
  const hashes = inlineScriptHashes(await response.text());
  for (const hash of hashes) expect(scriptSrc).toContain(hash);
  return hashes.length;
}

for (const [name, path, status] of RESPONSES) {
  test(`${name} is sent with a strict script policy and the usual security headers`, async ({
    request,
  }) => {
    const response = await request.get(path);
    if (status !== undefined) expect(response.status()).toBe(status);

    const inlineScripts = await expectSecurityHeaders(response);

    if (response.headers()["content-type"]?.startsWith("text/html"))
      expect(inlineScripts).toBeGreaterThan(0);
  });
}

test("the instructor page is sent with the same headers to an instructor, and so is its refusal to a learner", async ({
  browser,
}) => {
  const instructor = await browser.newPage();
  await signInWithForm(instructor, createUserWithCli("instructor"));
  const learner = await browser.newPage();
  await signInWithForm(learner, createUserWithCli("learner"));

  const shown = await instructor.request.get("/instructor");
  const refused = await learner.request.get("/instructor");

  expect(shown.status()).toBe(200);
  expect(await shown.text()).toContain(">Your cohorts</h1>");
  expect(await expectSecurityHeaders(shown)).toBeGreaterThan(0);
  expect(refused.status()).toBe(403);
  // Plain HTML with no script at all, so the page's policy refuses nothing.
  expect(await expectSecurityHeaders(refused)).toBe(0);
  await instructor.close();
  await learner.close();
});

test("a learner moves between pages by clicking links and no script is refused", async ({
  page,
}) => {
  const violations = await recordViolations(page);

  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: /Drill for AWS/ }),
  ).toBeVisible();
  await expect(page.getByTestId("session-status")).toContainText("answered");
  // Survives client-side navigations only: a full page load would drop it.
  await page.evaluate(() => {
    (window as unknown as Record<string, unknown>).__sameDocument = true;
  });

  await page.getByText("Use data stores in application development").click();
  await page
    .getByRole("link", { name: /lowest read and write latency/ })
    .click();
  await expect(page).toHaveURL(QUESTION);
  await page.getByLabel(/ElastiCache for Memcached cluster/).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("status")).toContainText("Correct");
  await expect(page.getByTestId("session-status")).toContainText("1 answered");

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Drill", "Mock exam"]) {
    await nav.getByRole("link", { name, exact: true }).click();
    await expect(
      page.getByRole("heading", { level: 1, name, exact: true }),
    ).toBeVisible();
  }
  await page.getByRole("button", { name: "Start a quick exam" }).click();
  await expect(
    page.getByRole("heading", { name: "Question 1 of 10" }),
  ).toBeVisible();
  await nav.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Progress" }),
  ).toBeVisible();
  expect(
    await page.evaluate(
      () => (window as unknown as Record<string, unknown>).__sameDocument,
    ),
  ).toBe(true);

  await page.goto("/drill");
  await expect(page.getByTestId("session-status")).toContainText("answered");
  await page.getByRole("button", { name: "Start drill" }).click();
  await expect(
    page.getByRole("heading", { name: /Question 1 of/ }),
  ).toBeVisible();

  const unexpected = [];
  for (const violation of violations) {
    if (!(await isZodEvalProbe(page, violation))) unexpected.push(violation);
  }
  expect(unexpected).toEqual([]);
});

test("an injected inline script, event handler or eval is refused and reported", async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto(QUESTION);
  await expect(page.getByTestId("session-status")).toContainText("answered");

  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__pwned = true";
    document.body.append(script);

    const holder = document.createElement("div");
    holder.innerHTML =
      '<img src="/no-such-image" onerror="window.__pwned = 1">';
    document.body.append(holder);

    // Code run by page.evaluate itself may eval; a timer's string may not.
    setTimeout("window.__pwned = 2", 0);
  });

  const refused = async () => {
    const own = [];
    for (const v of violations) {
      if (!(await isZodEvalProbe(page, v)))
        own.push(`${v.directive} ${v.blocked}`);
    }
    return own.sort();
  };
  await expect
    .poll(refused)
    .toEqual([
      "script-src eval",
      "script-src-attr inline",
      "script-src-elem inline",
    ]);
  expect(
    await page.evaluate(
      () => (window as unknown as Record<string, unknown>).__pwned,
    ),
  ).toBeUndefined();
});
