import path from "node:path";

import Database from "better-sqlite3";
import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  onTestFailed,
} from "vitest";

import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import { browserLike } from "@/lib/testing/http-client";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import { makeTempDir } from "@/lib/testing/temp-dir";

// Fault tests for the scaled-out tier: two app instances with no sticky
// sessions, two memcached nodes, one SQL database. Each scripted learner
// sends its requests to the instances in turn, as a round-robin load
// balancer does, and every test prints what it counted before asserting.

const LEARNERS = 8;

let caches: MemcachedServer[];
let apps: AppServer[];
let temp: ReturnType<typeof makeTempDir>;
let database: string;

beforeAll(async () => {
  temp = makeTempDir();
  database = path.join(temp.dir, "certdrill.sqlite");
  caches = await Promise.all([startMemcachedServer(), startMemcachedServer()]);
  const env = {
    MEMCACHED_SERVERS: caches.map((cache) => cache.address).join(","),
    DATABASE_URL: `file:${database}`,
    MEMCACHED_TIMEOUT_MS: "500",
    LOG_LEVEL: "error",
  };
  apps = await Promise.all([startAppServer(env), startAppServer(env)]);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await Promise.all(caches.map((cache) => cache.kill()));
  temp.remove();
});

type Tally = { requests: number; errors: string[]; signedOut: number };

/** A learner whose requests go to the live instances in turn. */
async function scriptedLearner(live: () => AppServer[], tally: Tally) {
  const browser = browserLike();
  let turn = 0;

  async function call(method: string, route: string, body?: unknown) {
    const instances = live();
    const app = instances[turn++ % instances.length]!;
    const response = await browser.request(`${app.url}${route}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    tally.requests++;
    const text = await response.text();
    if (response.status === 401) tally.signedOut++;
    if (response.status >= 400) {
      tally.errors.push(`${method} ${route}: ${response.status} ${text}`);
    }
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  await call("POST", "/api/session");
  const started = await call("POST", "/api/exams", {
    examCode: "dva-c02",
    size: "quick",
  });
  const examId = started.body.examId as string;
  const view = await call("GET", `/api/exams/${examId}`);
  const questions = (view.body.questions as { id: string }[]).map((q) => q.id);

  return {
    examId,
    questions,
    answer: (questionId: string) =>
      call("PUT", `/api/exams/${examId}/answers/${questionId}`, {
        chosen: ["A"],
        flagged: false,
      }),
    submit: () => call("POST", `/api/exams/${examId}/submit`),
    view: () => call("GET", `/api/exams/${examId}`),
  };
}

type Learner = Awaited<ReturnType<typeof scriptedLearner>>;

async function answerRange(learners: Learner[], from: number, to: number) {
  await Promise.all(
    learners.map(async (learner) => {
      for (const question of learner.questions.slice(from, to)) {
        await learner.answer(question);
      }
    }),
  );
}

function countInSql(examIds: string[]) {
  const sqlite = new Database(database, { readonly: true });
  try {
    const marks = examIds.map(() => "?").join(",");
    const count = (query: string) =>
      (sqlite.prepare(query).get(...examIds) as { n: number }).n;
    return {
      answers: count(
        `select count(*) as n from exam_answers where exam_id in (${marks})`,
      ),
      attempts: count(
        `select count(*) as n from attempts where exam_id in (${marks})`,
      ),
      submitted: count(
        `select count(*) as n from exams where id in (${marks}) and status = 'submitted'`,
      ),
    };
  } finally {
    sqlite.close();
  }
}

function printOnFailure() {
  onTestFailed(() => {
    apps.forEach((app, i) => console.error(`app ${i}:\n${app.output()}`));
  });
}

describe("the scaled-out tier under faults", () => {
  it("loses no session, answer or attempt when one of two memcached nodes is killed mid-exam", async () => {
    printOnFailure();
    const tally: Tally = { requests: 0, errors: [], signedOut: 0 };
    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, () =>
        scriptedLearner(() => apps, tally),
      ),
    );
    const total = learners.reduce((n, l) => n + l.questions.length, 0);

    await answerRange(learners, 0, 4);
    await caches[0]!.kill();
    await answerRange(learners, 4, Infinity);
    const answeredBeforeSubmit = (
      await Promise.all(learners.map((l) => l.view()))
    ).reduce((n, v) => n + Object.keys(v.body?.answers ?? {}).length, 0);
    await Promise.all(learners.map((learner) => learner.submit()));
    const sql = countInSql(learners.map((l) => l.examId));

    console.info(
      `memcached node killed mid-exam: ${LEARNERS} sessions, ` +
        `${tally.requests} requests, ${tally.errors.length} errors, ` +
        `${tally.signedOut} signed out; ${total} answers sent, ` +
        `${answeredBeforeSubmit} in the sessions before submitting, ` +
        `${sql.answers} in SQL, ${sql.attempts} attempts, ` +
        `${sql.submitted} exams submitted`,
    );
    expect(tally.errors).toEqual([]);
    expect(tally.signedOut).toBe(0);
    expect(answeredBeforeSubmit).toBe(total);
    expect(sql).toEqual({
      answers: total,
      attempts: total,
      submitted: LEARNERS,
    });
    await caches[0]!.restart();
  });

  it("serves pages while every memcached node is down, then carries on the same exams within 5 s of their return", async () => {
    printOnFailure();
    const tally: Tally = { requests: 0, errors: [], signedOut: 0 };
    const learners = await Promise.all(
      Array.from({ length: 4 }, () => scriptedLearner(() => apps, tally)),
    );
    await answerRange(learners, 0, 3);

    await Promise.all(caches.map((cache) => cache.kill()));
    const during = await learners[0]!.answer(learners[0]!.questions[3]!);
    const pages = await Promise.all(
      apps.map((app) => fetch(`${app.url}/`).then((r) => r.status)),
    );
    await Promise.all(caches.map((cache) => cache.restart()));
    const back = Date.now();
    let recoveredAfterMs = Infinity;
    while (Date.now() - back < 10_000) {
      const status = (await learners[1]!.answer(learners[1]!.questions[3]!))
        .status;
      if (status === 204) {
        recoveredAfterMs = Date.now() - back;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    tally.errors.length = 0;
    await answerRange(learners, 3, Infinity);
    const views = await Promise.all(learners.map((l) => l.view()));
    const total = learners.reduce((n, l) => n + l.questions.length, 0);
    const sql = countInSql(learners.map((l) => l.examId));

    console.info(
      `all memcached nodes down: ${learners.length} sessions, ` +
        `${sql.answers} of ${total} answers in SQL; answer route ${during.status} ` +
        `(${during.body?.error?.code}), pages ${pages.join(",")}; ` +
        `service back ${recoveredAfterMs} ms after the nodes returned; ` +
        `${tally.errors.length} errors and ${tally.signedOut} sign-outs after ` +
        `that, ${views.filter((v) => v.status === 200).length} of ` +
        `${learners.length} exams resumed`,
    );
    expect(during.status).toBe(503);
    expect(during.body.error.code).toBe("SESSION_STORE_UNAVAILABLE");
    expect(pages).toEqual([200, 200]);
    expect(recoveredAfterMs).toBeLessThan(5_000);
    expect(tally.errors).toEqual([]);
    expect(tally.signedOut).toBe(0);
    expect(sql.answers).toBe(total);
    for (const [i, view] of views.entries()) {
      expect(Object.keys(view.body.answers)).toHaveLength(
        learners[i]!.questions.length,
      );
    }
  });

  it("lets a learner carry on with the other instance when one is killed mid-exam", async () => {
    printOnFailure();
    const tally: Tally = { requests: 0, errors: [], signedOut: 0 };
    let live = apps;
    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, () =>
        scriptedLearner(() => live, tally),
      ),
    );
    const total = learners.reduce((n, l) => n + l.questions.length, 0);

    await answerRange(learners, 0, 5);
    await apps[1]!.kill();
    live = apps.slice(0, 1);
    await answerRange(learners, 5, Infinity);
    await Promise.all(learners.map((learner) => learner.submit()));
    const sql = countInSql(learners.map((l) => l.examId));

    console.info(
      `app instance killed mid-exam: ${LEARNERS} sessions, ` +
        `${tally.requests} requests, ${tally.errors.length} errors, ` +
        `${tally.signedOut} signed out; ${total} answers sent, ` +
        `${sql.answers} in SQL, ${sql.attempts} attempts, ` +
        `${sql.submitted} exams submitted`,
    );
    expect(tally.errors).toEqual([]);
    expect(tally.signedOut).toBe(0);
    expect(sql).toEqual({
      answers: total,
      attempts: total,
      submitted: LEARNERS,
    });
  });
});
