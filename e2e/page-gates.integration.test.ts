import { readdirSync } from "node:fs";
import path from "node:path";

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
const ROLES = ["learner", "instructor", "admin"] as const;
const GATED_FOLDERS = ["instructor", "author", "account"];

let memcached: MemcachedServer;
let app: AppServer;
let database: ScratchDatabase;

beforeAll(async () => {
  database = await freshDatabaseUrl();
  const db = openDatabase(database.url);
  await migrateToLatest(db);
  for (const role of ROLES) {
    const created = await createAccount(db, {
      email: `${role}@example.com`,
      role,
      password: PASSWORD,
    });
    if (!created.ok) throw new Error(created.message);
  }
  await db.destroy();

  memcached = await startMemcachedServer();
  app = await startAppServer({
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "c".repeat(64),
    LOG_LEVEL: "error",
  });
});

afterAll(async () => {
  await app?.stop();
  await memcached?.kill();
  await database?.drop();
});

/** Every page under the gated folders of app/, as a path. */
function gatedPages(): string[] {
  const root = path.join(process.cwd(), "app");
  return GATED_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "page.tsx")
      .map((file) => `/${path.posix.join(folder, path.dirname(file))}`)
      .map((page) => page.replace(/\/\.$/, "")),
  );
}

async function actor(name: "nobody" | "guest" | (typeof ROLES)[number]) {
  const browser = browserLike();
  if (name === "nobody") return browser;
  await browser.request(`${app.url}/api/session`, { method: "POST" });
  if (name === "guest") return browser;
  const result = await signInOverHttp(
    browser,
    app.url,
    `${name}@example.com`,
    PASSWORD,
  );
  if (result.error) throw new Error(`sign-in failed: ${result.error}`);
  return browser;
}

type Expected = "sign-in" | "refused" | "shown";

describe("gated pages", () => {
  it("show themselves only to their roles: visitors are sent to sign in, other roles get a 403", async () => {
    // [path with its query, the page's own heading, nobody, guest, learner, instructor, admin]
    const matrix: [string, string, Expected[]][] = [
      [
        "/instructor",
        "Your cohorts",
        ["sign-in", "sign-in", "refused", "shown", "shown"],
      ],
      [
        "/instructor/cohort?id=x",
        "Cohort",
        ["sign-in", "sign-in", "refused", "shown", "shown"],
      ],
      [
        "/instructor/items",
        "Item analysis over every learner",
        ["sign-in", "sign-in", "refused", "shown", "shown"],
      ],
      [
        "/instructor/learner?cohort=x&id=y",
        "Learner progress",
        ["sign-in", "sign-in", "refused", "shown", "shown"],
      ],
      [
        "/author/preview",
        "Question preview",
        ["sign-in", "sign-in", "refused", "shown", "shown"],
      ],
      [
        "/account",
        "Account",
        ["sign-in", "sign-in", "shown", "shown", "shown"],
      ],
    ];
    const actors: [string, BrowserLike][] = [];
    for (const name of ["nobody", "guest", ...ROLES] as const)
      actors.push([name, await actor(name)]);

    const seen: string[] = [];
    for (const [page, heading, expected] of matrix) {
      const outcomes: Expected[] = [];
      for (const [name, browser] of actors) {
        const response = await browser.request(`${app.url}${page}`);
        const html = await response.text();
        const shown = html.includes(`>${heading}</h1>`);
        const location = response.headers.get("location") ?? "";
        const target = new URL(location || "/", app.url);
        if (response.status === 200 && shown) {
          outcomes.push("shown");
        } else if (
          response.status === 307 &&
          target.pathname === "/sign-in" &&
          target.searchParams.get("callbackUrl") === page &&
          !shown
        ) {
          outcomes.push("sign-in");
        } else if (
          response.status === 403 &&
          html.includes("This is only for instructors.") &&
          !shown
        ) {
          outcomes.push("refused");
        } else {
          throw new Error(
            `${name} GET ${page}: ${response.status} ${location}`,
          );
        }
      }
      seen.push(`GET ${page}: ${outcomes.join(" ")}`);
      expect(outcomes, page).toEqual(expected);
    }
    console.log(seen.join("\n"));

    const covered = new Set(matrix.map(([page]) => page.split("?")[0]));
    expect(gatedPages().filter((page) => !covered.has(page))).toEqual([]);
  });

  it("sends a visitor to a sign-in page that opens, and lets them in once signed in", async () => {
    const browser = await actor("guest");

    const refused = await browser.request(`${app.url}/account`);
    const signIn = await browser.request(
      new URL(refused.headers.get("location")!, app.url).href,
    );
    await signInOverHttp(browser, app.url, "learner@example.com", PASSWORD);
    const after = await browser.request(`${app.url}/account`);

    expect(refused.status).toBe(307);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain(">Sign in</h1>");
    expect(after.status).toBe(200);
  });
});
