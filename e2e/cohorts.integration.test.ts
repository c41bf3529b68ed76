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
const FORMULA_EMAIL = "-2+3@example.com";

let memcached: MemcachedServer;
let app: AppServer;
let database: ScratchDatabase;

beforeAll(async () => {
  database = await freshDatabaseUrl();
  const db = openDatabase(database.url);
  await migrateToLatest(db);
  const accounts = [
    ["teacher@example.com", "instructor"],
    ["rival@example.com", "instructor"],
    // An address a spreadsheet would run as a formula, were it not neutralised.
    [FORMULA_EMAIL, "learner"],
  ] as const;
  for (const [email, role] of accounts) {
    const made = await createAccount(db, { email, role, password: PASSWORD });
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

/** A cohort of the teacher's which `learners` join, each giving one answer. */
async function cohortAnswering(learners: [BrowserLike, string][]) {
  const teacher = await browser("teacher@example.com");
  const { id, inviteCode } = (
    await json(teacher, "POST", "/api/cohorts", { name: "Autumn" })
  ).body as { id: string; inviteCode: string };
  for (const [learner, option] of learners) {
    await json(learner, "POST", "/api/cohorts/join", { code: inviteCode });
    await json(learner, "POST", `/api/questions/${QUESTION}/answer`, {
      options: [option],
    });
  }
  return { teacher, id };
}

async function csvOf(b: BrowserLike, route: string) {
  const response = await b.request(`${app.url}${route}`);
  return parse(await response.text(), {
    bom: true,
    columns: true,
  }) as Record<string, string>[];
}

describe("the cohort exports", () => {
  it("read back through a CSV parser, one record per learner or question, formulas neutralised", async () => {
    const { teacher, id } = await cohortAnswering([
      [await browser(FORMULA_EMAIL), "C"],
      [await browser(), "A"],
    ]);
    const questions = (await json(teacher, "GET", `/api/cohorts/${id}/items`))
      .body.items as unknown[];

    const learners = await csvOf(
      teacher,
      `/api/cohorts/${id}/export/learners.csv`,
    );
    const items = await csvOf(teacher, `/api/cohorts/${id}/export/items.csv`);

    // Sorted, the quote that neutralises the formula comes before "Guest".
    expect(learners.map((r) => r["Learner"]).sort()).toEqual([
      `'${FORMULA_EMAIL}`,
      expect.stringMatching(/^Guest /),
    ]);
    expect(
      learners.map((r) => [r["Answered"], r["Accuracy %"]]).sort(),
    ).toEqual([
      ["1", "0"],
      ["1", "100"],
    ]);
    expect(items).toHaveLength(questions.length);
    expect(items.find((r) => r["Question"] === QUESTION)).toMatchObject({
      Attempts: "2",
      "Facility %": "50",
      "Chose A": "1",
      "Chose B": "0",
      "Chose C": "1",
      Flags: "few-attempts",
    });
    expect(Object.keys(items[0]!)).toContain(
      "Discrimination (upper-lower 27%)",
    );
  });
});

describe("another instructor's cohort", () => {
  it("is a 404 on every route, as if it did not exist", async () => {
    const guest = await browser();
    const { teacher, id } = await cohortAnswering([[guest, "C"]]);
    const rival = await browser("rival@example.com");
    const rivals = (await json(rival, "POST", "/api/cohorts", { name: "Own" }))
      .body as { id: string };
    const table = await json(teacher, "GET", `/api/cohorts/${id}/learners`);
    const [learner] = table.body.rows as { learnerId: string }[];
    const missing = "00000000-0000-4000-8000-000000000000";

    const probes = [
      `/api/cohorts/${id}/learners`,
      `/api/cohorts/${id}/learners?sort=lastActive&dir=desc&search=guest`,
      `/api/cohorts/${id}/learners/${learner!.learnerId}`,
      `/api/cohorts/${id}/items`,
      `/api/cohorts/${id}/export/learners.csv`,
      `/api/cohorts/${id}/export/items.csv`,
      `/api/cohorts/${id}/export/other.csv`,
      // The rival's own cohort, with the teacher's learner in the path.
      `/api/cohorts/${rivals.id}/learners/${learner!.learnerId}`,
    ];
    const answers = [];
    for (const probe of probes) {
      const response = await rival.request(`${app.url}${probe}`);
      answers.push([probe, response.status, await response.text()]);
    }
    const nothing = await rival.request(
      `${app.url}/api/cohorts/${missing}/learners`,
    );

    expect(answers.map(([probe, status]) => [probe, status])).toEqual(
      probes.map((probe) => [probe, 404]),
    );
    // The same answer as for a cohort that does not exist at all.
    expect(answers[0]![2]).toBe(await nothing.text());
    expect(answers.map(([, , body]) => body).join("\n")).not.toMatch(
      /Guest |example\.com|Autumn/,
    );
  });
});

describe("item analysis over everyone", () => {
  it("is open to instructors, counts learners in no cohort, and names no learner", async () => {
    const rival = await browser("rival@example.com");
    const stranger = await browser();
    const attemptsOf = async (b: BrowserLike) => {
      const { status, body } = await json(b, "GET", "/api/cohorts/all/items");
      const items = (body.items ?? []) as {
        questionId: string;
        attempts: number;
      }[];
      return {
        status,
        attempts: items.find((i) => i.questionId === QUESTION)?.attempts,
      };
    };

    const before = await attemptsOf(rival);
    await json(stranger, "POST", `/api/questions/${QUESTION}/answer`, {
      options: ["C"],
    });
    const after = await attemptsOf(rival);
    const raw = await (
      await rival.request(`${app.url}/api/cohorts/all/items`)
    ).text();
    const learner = await browser(FORMULA_EMAIL);

    expect(before.status).toBe(200);
    expect(after.attempts).toBe(before.attempts! + 1);
    expect(raw).not.toContain(FORMULA_EMAIL);
    expect(raw).not.toMatch(/learnerId|@example\.com|Guest /);
    expect((await attemptsOf(learner)).status).toBe(403);
    expect((await attemptsOf(await browser())).status).toBe(401);
  });
});
