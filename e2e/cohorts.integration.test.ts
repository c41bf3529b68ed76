import { parse } from "csv-parse/sync";
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
const QUESTION = "session-store-for-stateless-web-tier";

let memcached: MemcachedServer;
let app: AppServer;
let database: ScratchDatabase;

beforeAll(async () => {
  database = await freshDatabaseUrl();
  const db = openDatabase(database.url);
  await migrateToLatest(db);
  for (const email of ["teacher@example.com", "rival@example.com"]) {
    const made = await createAccount(db, {
      email,
      role: "instructor",
      password: PASSWORD,
    });
    if (!made.ok) throw new Error(made.message);
  }
  await db.destroy();
  memcached = await startMemcachedServer();
  app = await startAppServer({
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: database.url,
    LOG_LEVEL: "error",
  });
});

afterAll(async () => {
  await app?.stop();
  await memcached?.kill();
  await database?.drop();
});

async function browser(email?: string): Promise<BrowserLike> {
  const b = browserLike();
  await b.request(`${app.url}/api/session`, { method: "POST" });
  if (email) await signInOverHttp(b, app.url, email, PASSWORD);
  return b;
}

async function json(
  b: BrowserLike,
  method: string,
  route: string,
  body?: unknown,
) {
  const response = await b.request(`${app.url}${route}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe("an instructor's cohort", () => {
  it("shows hand-checked figures, exports CSV, and hides from other instructors", async () => {
    const teacher = await browser("teacher@example.com");
    const rival = await browser("rival@example.com");
    const created = await json(teacher, "POST", "/api/cohorts", {
      name: "=Spring cohort",
      targetExamDate: "2027-03-15",
    });
    const { id, inviteCode } = created.body as {
      id: string;
      inviteCode: string;
    };

    // Two guests join: Ada answers the question right, Bo wrong.
    const ada = await browser();
    const bo = await browser();
    for (const [learner, option] of [
      [ada, "C"],
      [bo, "A"],
    ] as const) {
      expect(
        (
          await json(learner, "POST", "/api/cohorts/join", {
            code: inviteCode.toLowerCase(),
          })
        ).status,
      ).toBe(200);
      await json(learner, "POST", `/api/questions/${QUESTION}/answer`, {
        options: [option],
      });
    }

    const table = await json(
      teacher,
      "GET",
      `/api/cohorts/${id}/learners?sort=accuracy&dir=desc`,
    );
    const rows = table.body.rows as {
      accuracy: number;
      answered: number;
      tasks: Record<string, number>;
    }[];
    const items = (await json(teacher, "GET", `/api/cohorts/${id}/items`)).body
      .items as {
      questionId: string;
      attempts: number;
      facility: number;
      options: { letter: string; chosen: number }[];
    }[];
    const item = items.find((i) => i.questionId === QUESTION)!;
    const csvResponse = await teacher.request(
      `${app.url}/api/cohorts/${id}/export/learners.csv`,
    );
    const csv = await csvResponse.text();
    const parsed = parse(csv, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const peek = await json(rival, "GET", `/api/cohorts/${id}/learners`);
    const ownList = (await json(rival, "GET", "/api/cohorts")).body
      .cohorts as unknown[];
    console.log(
      `table: ${JSON.stringify(rows.map((r) => [r.answered, r.accuracy]))}; ` +
        `item: ${item.attempts} attempts, facility ${item.facility}`,
    );

    // By hand: one answer each, Ada 1/1, Bo 0/1; task 1.3 has 5 questions,
    // so Ada has 1/5 of it right at the last try.
    expect(rows.map((r) => [r.answered, r.accuracy])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(rows[0]!.tasks["1.3"]).toBeCloseTo(0.2);
    expect(item.attempts).toBe(2);
    expect(item.facility).toBe(0.5);
    expect(
      item.options
        .filter((o) => o.chosen > 0)
        .map((o) => o.letter)
        .sort(),
    ).toEqual(["A", "C"]);
    expect(csvResponse.headers.get("content-type")).toBe(
      "text/csv; charset=utf-8",
    );
    expect(csvResponse.headers.get("content-disposition")).toContain(
      'filename="-Spring-cohort-learners.csv"',
    );
    expect(parsed).toHaveLength(2);
    expect(parsed.map((r) => r["Accuracy %"]).sort()).toEqual(["0", "100"]);
    expect(peek.status).toBe(404);
    expect(ownList).toEqual([]);
  });
});
