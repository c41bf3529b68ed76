import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount } from "@/lib/accounts/create-account";
import { openDatabase } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import {
  browserLike,
  signInOverHttp,
  type BrowserLike,
} from "@/lib/testing/http-client";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import type { ScratchDatabase } from "@/lib/testing/scratch-database";
import { freshDatabaseUrl } from "@/lib/testing/test-database";

const PASSWORD = "orchid lantern gravel quietly";
const SECRET = "a".repeat(64);
const QUESTION = "session-store-for-stateless-web-tier";
const ROLES = ["learner", "instructor", "admin"] as const;

let memcached: MemcachedServer;
let first: AppServer;
let second: AppServer;
let database: ScratchDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await freshDatabaseUrl();
  const db = openDatabase(database.url);
  await migrateToLatest(db);
  for (const role of [...ROLES, "other"] as const) {
    const created = await createAccount(db, {
      email: `${role}@example.com`,
      role: role === "other" ? "learner" : role,
      password: PASSWORD,
    });
    if (!created.ok) throw new Error(created.message);
    ids[role] = created.learnerId;
  }
  await db.destroy();

  memcached = await startMemcachedServer();
  const env = {
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: SECRET,
    LOG_LEVEL: "error",
  };
  [first, second] = await Promise.all([
    startAppServer(env),
    startAppServer(env),
  ]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await memcached?.kill();
  await database?.drop();
});

/** Every "METHOD /api/route" the app defines, read from app/api. */
function apiRoutes(): Set<string> {
  const found = new Set<string>();
  const root = path.join(process.cwd(), "app");
  for (const file of readdirSync(path.join(root, "api"), {
    recursive: true,
    encoding: "utf8",
  })) {
    if (!file.endsWith("route.ts")) continue;
    const source = readFileSync(path.join(root, "api", file), "utf8");
    const route = `/api/${path.dirname(file)}`;
    for (const [, method] of source.matchAll(
      /export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g,
    ))
      found.add(`${method} ${route}`);
    if (/export \{ handler as GET/.test(source)) found.add(`GET ${route}`);
  }
  return found;
}

async function visitor(app = first) {
  const browser = browserLike();
  await browser.request(`${app.url}/api/session`, { method: "POST" });
  return browser;
}

async function member(email: string, app = first) {
  const browser = await visitor(app);
  const result = await signInOverHttp(browser, app.url, email, PASSWORD);
  if (result.error) throw new Error(`sign-in failed: ${result.error}`);
  return browser;
}

async function call(
  browser: BrowserLike,
  method: string,
  route: string,
  body?: unknown,
  app = first,
) {
  const response = await browser.request(`${app.url}${route}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text };
}

/**
 * Rate limits count in fixed windows; attempts that straddle a window's end
 * would start counting again halfway, so wait for the next window then.
 */
async function awayFromWindowEnd(windowSeconds: number, needSeconds = 20) {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < needSeconds)
    await new Promise((resolve) => setTimeout(resolve, (left + 1) * 1000));
}

async function whoAmI(browser: BrowserLike, app = first) {
  const response = await browser.request(`${app.url}/api/session`, {
    method: "POST",
  });
  return ((await response.json()) as { learner: { kind: string; id: string } })
    .learner;
}

describe("accounts and sessions", () => {
  it("answers every API route for every role as the matrix says, leaking nothing", async () => {
    const owner = await member("other@example.com");
    const { examId } = JSON.parse(
      (
        await call(owner, "POST", "/api/exams", {
          examCode: "dva-c02",
          size: "quick",
        })
      ).text,
    ) as { examId: string };
    const actors = {
      guest: await visitor(),
      learner: await member("learner@example.com"),
      instructor: await member("instructor@example.com"),
      admin: await member("admin@example.com"),
    };
    // A cohort of the admin's: the instructor must not see into it.
    const adminsCohort = JSON.parse(
      (
        await call(actors.admin, "POST", "/api/cohorts", {
          name: "Admins' class",
        })
      ).text,
    ) as { id: string };
    const cohort = `/api/cohorts/${adminsCohort.id}`;
    const q = "session-store-for-stateless-web-tier";
    const theirs = `/api/exams/${examId}`;
    const all = (status: number) => [status, status, status, status];
    const signUp = { email: `m${Date.now()}@example.com`, password: PASSWORD };

    // [method, route as in app/api, concrete path, body, guest, learner, instructor, admin]
    const matrix: [string, string, string, unknown, number[]][] = [
      ["GET", "/api/health", "/api/health", undefined, all(200)],
      ["POST", "/api/bench/noop", "/api/bench/noop", undefined, all(204)],
      ["POST", "/api/session-lab", "/api/session-lab", undefined, all(200)],
      ["POST", "/api/session", "/api/session", undefined, all(200)],
      [
        "GET",
        "/api/auth/[...nextauth]",
        "/api/auth/session",
        undefined,
        all(200),
      ],
      [
        "GET",
        "/api/questions/[id]",
        `/api/questions/${q}`,
        undefined,
        all(200),
      ],
      [
        "POST",
        "/api/questions/[id]/start",
        `/api/questions/${q}/start`,
        undefined,
        all(204),
      ],
      [
        "POST",
        "/api/questions/[id]/answer",
        `/api/questions/${q}/answer`,
        { options: ["C"] },
        all(200),
      ],
      ["POST", "/api/drills", "/api/drills", {}, all(201)],
      [
        "GET",
        "/api/drills/current",
        "/api/drills/current",
        undefined,
        all(200),
      ],
      [
        "POST",
        "/api/drills/current/answer",
        "/api/drills/current/answer",
        {},
        all(422),
      ],
      [
        "GET",
        "/api/drills/current/answer",
        "/api/drills/current/answer",
        undefined,
        all(404),
      ],
      [
        "POST",
        "/api/drills/current/next",
        "/api/drills/current/next",
        undefined,
        all(200),
      ],
      ["GET", "/api/exams", "/api/exams", undefined, all(200)],
      [
        "POST",
        "/api/exams",
        "/api/exams",
        { examCode: "none", size: "quick" },
        all(404),
      ],
      ["GET", "/api/exams/[id]", theirs, undefined, all(404)],
      [
        "PUT",
        "/api/exams/[id]/answers/[questionId]",
        `${theirs}/answers/${q}`,
        { chosen: ["A"], flagged: false },
        all(404),
      ],
      [
        "GET",
        "/api/exams/[id]/result",
        `${theirs}/result`,
        undefined,
        all(404),
      ],
      [
        "POST",
        "/api/exams/[id]/submit",
        `${theirs}/submit`,
        undefined,
        all(404),
      ],
      ["GET", "/api/review", "/api/review", undefined, all(200)],
      ["POST", "/api/review/answer", "/api/review/answer", {}, all(422)],
      [
        "POST",
        "/api/review/flag",
        "/api/review/flag",
        { questionId: q },
        all(200),
      ],
      ["GET", "/api/bookmarks", "/api/bookmarks", undefined, all(200)],
      [
        "PUT",
        "/api/bookmarks/[questionId]",
        `/api/bookmarks/${q}`,
        { bookmarked: true },
        all(200),
      ],
      ["GET", "/api/progress", "/api/progress", undefined, all(200)],
      ["PUT", "/api/profile", "/api/profile", { examDate: null }, all(200)],
      ["GET", "/api/account", "/api/account", undefined, [401, 200, 200, 200]],
      [
        "POST",
        "/api/account/password",
        "/api/account/password",
        {},
        [401, 422, 422, 422],
      ],
      ["DELETE", "/api/account", "/api/account", {}, [401, 422, 422, 422]],
      [
        "POST",
        "/api/author/preview",
        "/api/author/preview",
        { markdown: "---\nid: x\n---\n" },
        [401, 403, 200, 200],
      ],
      [
        "PATCH",
        "/api/admin/users/[id]",
        `/api/admin/users/${ids.other}`,
        { role: "learner" },
        [401, 403, 403, 200],
      ],
      ["GET", "/api/cohorts", "/api/cohorts", undefined, [401, 403, 200, 200]],
      [
        "POST",
        "/api/cohorts",
        "/api/cohorts",
        { name: "Class" },
        [401, 403, 201, 201],
      ],
      [
        "POST",
        "/api/cohorts/join",
        "/api/cohorts/join",
        { code: "ZZZZZZZZ" },
        all(404),
      ],
      [
        "GET",
        "/api/cohorts/[id]/learners",
        `${cohort}/learners`,
        undefined,
        [401, 403, 404, 200],
      ],
      [
        "GET",
        "/api/cohorts/[id]/learners/[learnerId]",
        `${cohort}/learners/${ids.other}`,
        undefined,
        [401, 403, 404, 404],
      ],
      [
        "GET",
        "/api/cohorts/[id]/items",
        `${cohort}/items`,
        undefined,
        [401, 403, 404, 200],
      ],
      [
        "GET",
        "/api/cohorts/[id]/export/[table]",
        `${cohort}/export/learners.csv`,
        undefined,
        [401, 403, 404, 200],
      ],
      [
        "POST",
        "/api/account/sign-up",
        "/api/account/sign-up",
        signUp,
        [201, 409, 409, 409],
      ],
      [
        "POST",
        "/api/account/sign-out-everywhere",
        "/api/account/sign-out-everywhere",
        undefined,
        [401, 200, 200, 200],
      ],
    ];

    const seen: string[] = [];
    const leaks: string[] = [];
    for (const [method, , path, body, expected] of matrix) {
      const statuses = [];
      for (const [name, browser] of Object.entries(actors)) {
        const { status, text } = await call(browser, method, path, body);
        statuses.push(status);
        const foreign = [
          examId,
          "other@example.com",
          ...(name === "admin" ? [] : [ids.other!]),
        ];
        if (foreign.some((secret) => text.includes(secret)))
          leaks.push(`${name} ${method} ${path}`);
      }
      seen.push(`${method} ${path}: ${statuses.join(" ")}`);
      expect(statuses, `${method} ${path}`).toEqual(expected);
    }
    console.log(seen.join("\n"));

    expect(leaks).toEqual([]);
    const declared = new Set(
      matrix.map(([method, route]) => `${method} ${route}`),
    );
    expect([...apiRoutes()].filter((r) => !declared.has(r))).toEqual([]);
  });

  it("refuses the member-only routes to a browser with no session at all", async () => {
    const nobody = browserLike();
    const routes = [
      ["GET", "/api/account"],
      ["POST", "/api/account/password"],
      ["POST", "/api/account/sign-out-everywhere"],
      ["DELETE", "/api/account"],
      ["POST", "/api/author/preview"],
      ["PATCH", `/api/admin/users/${ids.other}`],
    ];

    const statuses = [];
    for (const [method, route] of routes) {
      const body = method === "GET" ? undefined : {};
      statuses.push((await call(nobody, method!, route!, body)).status);
    }

    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
  });

  it("keeps one learner out of another learner's exam and progress", async () => {
    const owner = await member("other@example.com");
    const intruder = await member("learner@example.com");
    const started = await call(owner, "POST", "/api/exams", {
      examCode: "dva-c02",
      size: "quick",
    });
    const { examId } = JSON.parse(started.text) as { examId: string };

    const peeks = await Promise.all([
      call(intruder, "GET", `/api/exams/${examId}`),
      call(intruder, "GET", `/api/exams/${examId}/result`),
      call(intruder, "POST", `/api/exams/${examId}/submit`),
    ]);
    const progress = await call(intruder, "GET", "/api/progress");

    expect(peeks.map((p) => p.status)).toEqual([404, 404, 404]);
    expect(progress.text).not.toContain(examId);
    expect(progress.text).not.toContain(ids.other!);
  });

  it("gives a new session id at sign-in and keeps what the guest did", async () => {
    const browser = await visitor();
    const guest = await whoAmI(browser);
    const guestCookie = browser.cookie;
    await call(
      browser,
      "PUT",
      "/api/bookmarks/session-store-for-stateless-web-tier",
      { bookmarked: true },
    );
    const email = `new-${Date.now()}@example.com`;

    const signedUp = await call(browser, "POST", "/api/account/sign-up", {
      email,
      password: PASSWORD,
    });
    const signedIn = await signInOverHttp(browser, first.url, email, PASSWORD);
    const now = await whoAmI(browser);
    const marks = await call(browser, "GET", "/api/bookmarks");

    expect(signedUp.status).toBe(201);
    expect(signedIn.error).toBeNull();
    expect(now).toMatchObject({ kind: "member", id: guest.id });
    expect(browser.has("certdrill_session")).toBe(false);
    expect(browser.has("certdrill_auth")).toBe(true);
    expect(browser.cookie).not.toContain(guestCookie.split("=")[1]);
    expect(marks.text).toContain("session-store-for-stateless-web-tier");
  });

  it("signs out everywhere at once, on every instance", async () => {
    const phone = await member("other@example.com", first);
    const laptop = await member("other@example.com", second);
    expect(
      (await call(laptop, "GET", "/api/account", undefined, second)).status,
    ).toBe(200);

    const done = await call(phone, "POST", "/api/account/sign-out-everywhere");

    expect(done.status).toBe(200);
    expect(
      (await call(laptop, "GET", "/api/account", undefined, second)).status,
    ).toBe(401);
    expect((await call(phone, "GET", "/api/account")).status).toBe(401);
  });

  it("signs an account out at once when an admin disables it, and refuses its sign-in", async () => {
    const admin = await member("admin@example.com");
    const victim = await member("other@example.com", second);

    const disabled = await call(
      admin,
      "PATCH",
      `/api/admin/users/${ids.other}`,
      { disabled: true },
    );
    const after = await call(victim, "GET", "/api/account", undefined, second);
    const again = await signInOverHttp(
      await visitor(),
      first.url,
      "other@example.com",
      PASSWORD,
    );
    await call(admin, "PATCH", `/api/admin/users/${ids.other}`, {
      disabled: false,
    });

    expect(disabled.status).toBe(200);
    expect(after.status).toBe(401);
    expect(again.error).toBe("CredentialsSignin");
  });

  it("slows brute force: the sixth wrong password for one account is refused with a wait", async () => {
    await awayFromWindowEnd(15 * 60);
    const attacker = await visitor();
    const errors = [];
    for (let n = 0; n < 7; n++) {
      const result = await signInOverHttp(
        attacker,
        first.url,
        "instructor@example.com",
        `wrong guess number ${n}`,
      );
      errors.push(result.error);
    }
    console.log(errors.join("\n"));

    expect(errors.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
    expect(errors[5]).toMatch(
      /Too many sign-in attempts\. Wait \d+ (minutes?|seconds?) and try again\./,
    );
    const right = await signInOverHttp(
      attacker,
      first.url,
      "instructor@example.com",
      PASSWORD,
    );
    expect(right.error).toMatch(/Too many sign-in attempts/);
  });

  it("sets the sign-in cookie httpOnly, SameSite=Lax, host-only and Secure", async () => {
    const browser = await visitor();
    const csrf = await browser.request(`${first.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await browser.request(
      `${first.url}/api/auth/callback/credentials`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          csrfToken,
          email: "learner@example.com",
          password: PASSWORD,
          json: "true",
        }).toString(),
      },
    );

    const line = response.headers
      .getSetCookie()
      .find((c) => c.startsWith("certdrill_auth="));
    expect(line).toBeDefined();
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Secure/i);
    expect(line).toMatch(/Path=\//i);
    expect(line).not.toMatch(/Domain=/i);
  });

  it("refuses a copied sign-in token once its owner has signed out", async () => {
    const browser = await member("learner@example.com");
    const stolen = browser.cookie;
    const csrf = (await (
      await browser.request(`${first.url}/api/auth/csrf`)
    ).json()) as { csrfToken: string };

    await browser.request(`${first.url}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        csrfToken: csrf.csrfToken,
        json: "true",
      }).toString(),
    });
    const replay = await fetch(`${second.url}/api/account`, {
      headers: { cookie: stolen },
    });

    expect(replay.status).toBe(401);
  });

  it("signs out the account's other sessions when its password changes", async () => {
    const email = `changer-${Date.now()}@example.com`;
    const owner = await visitor();
    await call(owner, "POST", "/api/account/sign-up", {
      email,
      password: PASSWORD,
    });
    const here = await member(email);
    const there = await member(email, second);
    const next = "tidal meadow copper whistle";

    const changed = await call(here, "POST", "/api/account/password", {
      currentPassword: PASSWORD,
      newPassword: next,
    });
    const wrongCurrent = await call(here, "POST", "/api/account/password", {
      currentPassword: "not it at all, sorry",
      newPassword: next,
    });

    expect(changed.status).toBe(200);
    // The other browser's; the guest session the account was created from
    // ended at sign-up.
    expect(JSON.parse(changed.text)).toEqual({ otherSessionsSignedOut: 1 });
    expect(wrongCurrent.status).toBe(403);
    expect(
      (await call(there, "GET", "/api/account", undefined, second)).status,
    ).toBe(401);
    expect((await call(here, "GET", "/api/account")).status).toBe(200);
    expect(
      (await signInOverHttp(await visitor(), first.url, email, PASSWORD)).error,
    ).toBe("CredentialsSignin");
    expect(
      (await signInOverHttp(await visitor(), first.url, email, next)).error,
    ).toBeNull();
  });

  it("deletes an account with everything its learner did", async () => {
    const email = `leaver-${Date.now()}@example.com`;
    const browser = await visitor();
    await call(
      browser,
      "PUT",
      "/api/bookmarks/session-store-for-stateless-web-tier",
      { bookmarked: true },
    );
    await call(browser, "POST", "/api/account/sign-up", {
      email,
      password: PASSWORD,
    });
    await signInOverHttp(browser, first.url, email, PASSWORD);
    const who = await whoAmI(browser);

    const deleted = await call(browser, "DELETE", "/api/account", {
      confirm: "delete my account",
    });

    expect(deleted.status).toBe(204);
    expect((await call(browser, "GET", "/api/account")).status).toBe(401);
    const db = openDatabase(database.url);
    const left = await Promise.all(
      (["learners", "users", "bookmarks", "sessions"] as const).map((table) =>
        db
          .selectFrom(table)
          .selectAll()
          .execute()
          .then(
            (rows) =>
              rows.filter((row) => JSON.stringify(row).includes(who.id)).length,
          ),
      ),
    );
    await db.destroy();
    expect(left).toEqual([0, 0, 0, 0]);
  });

  it("ends the guest's session at sign-up, so a planted copy of its cookie opens nothing", async () => {
    // Sign-up counts per address; start this test's count afresh.
    await memcached.flush();
    const browser = await visitor();
    const planted = browser.cookie;
    await call(browser, "PUT", `/api/bookmarks/${QUESTION}`, {
      bookmarked: true,
    });

    const signedUp = await call(browser, "POST", "/api/account/sign-up", {
      email: `planted-${Date.now()}@example.com`,
      password: PASSWORD,
    });
    const replayed = await fetch(`${second.url}/api/bookmarks`, {
      headers: { cookie: planted },
    });
    await memcached.flush();
    const afterCacheLoss = await fetch(`${first.url}/api/bookmarks`, {
      headers: { cookie: planted },
    });

    expect(signedUp.status).toBe(201);
    expect(replayed.status).toBe(401);
    expect(afterCacheLoss.status).toBe(401);
    expect(browser.has("certdrill_session")).toBe(false);
  });

  it("merges what a guest did at sign-in even when memcached has lost the guest's session", async () => {
    await memcached.flush();
    const email = `returning-${Date.now()}@example.com`;
    await call(await visitor(), "POST", "/api/account/sign-up", {
      email,
      password: PASSWORD,
    });
    const browser = await visitor();
    const guestCookie = browser.cookie;
    await call(browser, "PUT", `/api/bookmarks/${QUESTION}`, {
      bookmarked: true,
    });
    await memcached.flush();

    const signedIn = await signInOverHttp(browser, first.url, email, PASSWORD);
    const marks = await call(browser, "GET", "/api/bookmarks");
    const replayed = await fetch(`${second.url}/api/bookmarks`, {
      headers: { cookie: guestCookie },
    });

    expect(signedIn.error).toBeNull();
    expect(marks.status).toBe(200);
    expect(marks.text).toContain(QUESTION);
    expect(replayed.status).toBe(401);
  });

  it("puts nothing in the sign-in token but the opaque session id", async () => {
    const browser = await member("learner@example.com");
    const token = /certdrill_auth=([^;]+)/.exec(browser.cookie)?.[1];

    const claims = await decode({ token, secret: SECRET });

    expect(Object.keys(claims ?? {}).sort()).toEqual([
      "exp",
      "iat",
      "jti",
      "sid",
    ]);
    expect(claims?.sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(claims)).not.toContain(ids.learner!);
  });

  it("limits sign-ups for one email and says how long to wait, while another email still signs up", async () => {
    await awayFromWindowEnd(60 * 60);
    await memcached.flush();
    const email = `popular-${Date.now()}@example.com`;

    const attempts = [];
    for (let n = 0; n < 4; n++) {
      attempts.push(
        await call(await visitor(), "POST", "/api/account/sign-up", {
          email,
          password: PASSWORD,
        }),
      );
    }
    const anotherEmail = await call(
      await visitor(),
      "POST",
      "/api/account/sign-up",
      { email: `unpopular-${Date.now()}@example.com`, password: PASSWORD },
    );

    expect(attempts.map((a) => a.status)).toEqual([201, 409, 409, 429]);
    expect(JSON.parse(attempts[3]!.text)).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: expect.stringMatching(
          /^Too many sign-up attempts\. Wait \d+ (minutes?|seconds?) and try again\.$/,
        ),
      },
    });
    expect(anotherEmail.status).toBe(201);
  });

  it("limits guesses at the current password through the change form, and says how long to wait", async () => {
    await awayFromWindowEnd(15 * 60);
    await memcached.flush();
    const email = `guessed-${Date.now()}@example.com`;
    await call(await visitor(), "POST", "/api/account/sign-up", {
      email,
      password: PASSWORD,
    });
    const thief = await member(email);
    const next = "tidal meadow copper whistle";

    const guesses = [];
    for (let n = 0; n < 6; n++) {
      guesses.push(
        await call(thief, "POST", "/api/account/password", {
          currentPassword: `my guess number ${n}`,
          newPassword: next,
        }),
      );
    }
    const right = await call(thief, "POST", "/api/account/password", {
      currentPassword: PASSWORD,
      newPassword: next,
    });

    expect(guesses.map((g) => g.status)).toEqual([
      403, 403, 403, 403, 403, 429,
    ]);
    expect(JSON.parse(guesses[5]!.text)).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: expect.stringMatching(
          /^Too many password change attempts\. Wait \d+ (minutes?|seconds?) and try again\.$/,
        ),
      },
    });
    expect(right.status).toBe(429);
  });
});
