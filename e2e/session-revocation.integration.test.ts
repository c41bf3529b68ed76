import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount } from "@/lib/accounts/create-account";
import { openDatabase } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import {
  browserLike,
  signInOverHttp,
  signOutOverHttp,
  type BrowserLike,
} from "@/lib/testing/http-client";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import type { ScratchDatabase } from "@/lib/testing/scratch-database";
import { freshDatabaseUrl } from "@/lib/testing/test-database";

// Revocation when it is hardest: while the session's own requests are still
// writing it back, when memcached has lost every session, and when the role
// changes from the command line.

const PASSWORD = "orchid lantern gravel quietly";
const QUESTION = "session-store-for-stateless-web-tier";
const EMAILS = ["racer", "stayer", "promoted"].map((n) => `${n}@example.com`);

let memcached: MemcachedServer;
let first: AppServer;
let second: AppServer;
let database: ScratchDatabase;

beforeAll(async () => {
  database = await freshDatabaseUrl();
  const db = openDatabase(database.url);
  await migrateToLatest(db);
  for (const email of EMAILS) {
    const made = await createAccount(db, {
      email,
      role: "learner",
      password: PASSWORD,
    });
    if (!made.ok) throw new Error(made.message);
  }
  await db.destroy();

  memcached = await startMemcachedServer();
  const env = {
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "r".repeat(64),
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

async function member(email: string, app = first) {
  const browser = browserLike();
  await browser.request(`${app.url}/api/session`, { method: "POST" });
  const result = await signInOverHttp(browser, app.url, email, PASSWORD);
  if (result.error) throw new Error(`sign-in failed: ${result.error}`);
  return browser;
}

async function status(browser: BrowserLike, route: string, app = first) {
  const response = await browser.request(`${app.url}${route}`);
  await response.arrayBuffer();
  return response.status;
}

async function whoAmI(browser: BrowserLike, app = first) {
  const response = await browser.request(`${app.url}/api/session`, {
    method: "POST",
  });
  return (
    (await response.json()) as { learner: { kind: string; role: string } }
  ).learner;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("revoked sessions", () => {
  it("stay signed out while requests that loaded them before the sign-out keep writing them back", async () => {
    // Each answer loads the session, writes the attempt to SQL, then saves
    // the session: eight in a row, over both instances, keep write-backs in
    // flight when the sign-out lands. The race is timing: a few rounds make
    // missing it by chance unlikely.
    const rounds = [];
    for (let round = 0; round < 4; round++) {
      const racer = await member(EMAILS[0]!, first);
      const phone = await member(EMAILS[0]!, second);
      let running = true;
      const statuses: number[] = [];
      const loops = Array.from({ length: 8 }, async (_, n) => {
        const app = n % 2 ? second : first;
        while (running) {
          const response = await racer.request(
            `${app.url}/api/questions/${QUESTION}/answer`,
            { method: "POST", body: JSON.stringify({ options: ["C"] }) },
          );
          await response.arrayBuffer();
          statuses.push(response.status);
        }
      });
      await pause(300);

      const out = await phone.request(
        `${second.url}/api/account/sign-out-everywhere`,
        { method: "POST" },
      );
      await pause(700);
      running = false;
      await Promise.all(loops);
      const after = [];
      for (const app of [first, second, first, second]) {
        after.push(await status(racer, "/api/account", app));
      }
      rounds.push({
        signedOut: out.status,
        answered: statuses.filter((s) => s === 200).length,
        last: statuses.at(-1),
        after,
      });
    }
    console.info(rounds.map((r) => JSON.stringify(r)).join("\n"));

    for (const round of rounds) {
      expect(round).toEqual({
        signedOut: 200,
        answered: expect.any(Number),
        last: 401,
        after: [401, 401, 401, 401],
      });
      expect(round.answered).toBeGreaterThan(0);
    }
  });

  it("keep a member signed in across a memcached restart, rebuilt from SQL, and keep a signed-out session out", async () => {
    const stayer = await member(EMAILS[1]!, first);
    const leaver = await member(EMAILS[1]!, second);
    const copied = leaver.cookie;
    expect(await signOutOverHttp(leaver, second.url)).toBe(200);

    await memcached.restart();
    const back = Date.now();
    while (Date.now() - back < 10_000) {
      if ((await fetch(`${first.url}/api/health`)).status === 200) break;
      await pause(100);
    }
    const account = await stayer.request(`${first.url}/api/account`);
    const replay = [];
    for (const app of [first, second]) {
      const response = await fetch(`${app.url}/api/account`, {
        headers: { cookie: copied },
      });
      replay.push(response.status);
    }

    expect(account.status).toBe(200);
    expect(await account.json()).toMatchObject({ email: EMAILS[1] });
    expect(await whoAmI(stayer, second)).toMatchObject({ kind: "member" });
    expect(replay).toEqual([401, 401]);
  });

  it("end when npm run user:create changes the account's role", async () => {
    const before = await member(EMAILS[2]!);
    expect(await status(before, "/api/cohorts")).toBe(403);

    const { stdout } = await promisify(execFile)(
      "npm",
      [
        "run",
        "-s",
        "user:create",
        "--",
        "--email",
        EMAILS[2]!,
        "--role",
        "instructor",
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          MEMCACHED_SERVERS: memcached.address,
          LOG_LEVEL: "error",
        },
      },
    );
    const after = await member(EMAILS[2]!, second);

    expect(stdout).toMatch(/role is now instructor, and 1 of its sessions/);
    expect(await status(before, "/api/account")).toBe(401);
    expect(await status(before, "/api/account", second)).toBe(401);
    expect(await whoAmI(after, second)).toMatchObject({ role: "instructor" });
    expect(await status(after, "/api/cohorts", second)).toBe(200);
  });
});
