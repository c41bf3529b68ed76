import net from "node:net";

import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  onTestFailed,
} from "vitest";

import { openDatabase } from "@/lib/db/get-db";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import { browserLike } from "@/lib/testing/http-client";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import type { ScratchDatabase } from "@/lib/testing/scratch-database";
import { freshDatabaseUrl } from "@/lib/testing/test-database";

// Fault tests for the scaled-out tier: two app instances with no sticky
// sessions, two memcached nodes, one SQL database. Each scripted learner
// sends its requests to the instances in turn, as a round-robin load
// balancer does, and every test prints what it counted before asserting.

const LEARNERS = 8;

let caches: MemcachedServer[];
let apps: AppServer[];
let database: ScratchDatabase;

beforeAll(async () => {
  database = await freshDatabaseUrl();
  caches = await Promise.all([startMemcachedServer(), startMemcachedServer()]);
  const env = {
    MEMCACHED_SERVERS: caches.map((cache) => cache.address).join(","),
    DATABASE_URL: database.url,
    MEMCACHED_TIMEOUT_MS: "500",
    LOG_LEVEL: "error",
  };
  apps = await Promise.all([startAppServer(env), startAppServer(env)]);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await Promise.all(caches.map((cache) => cache.kill()));
  await database?.drop();
});

type Tally = {
  requests: number;
  errors: string[];
  signedOut: number;
  /** Requests an instance dropped, sent again to the next, as nginx does. */
  retried: number;
};

const newTally = (): Tally => ({
  requests: 0,
  errors: [],
  signedOut: 0,
  retried: 0,
});

/**
 * A learner whose requests go to the instances in turn. A request whose
 * connection is refused, or an idempotent one whose connection drops, goes
 * to the next instance, as nginx's proxy_next_upstream passes it on.
 */
async function scriptedLearner(live: () => AppServer[], tally: Tally) {
  const browser = browserLike();
  let turn = 0;

  async function send(method: string, route: string, body?: unknown) {
    const instances = live();
    for (let attempt = 1; ; attempt++) {
      const app = instances[turn++ % instances.length]!;
      try {
        return await browser.request(`${app.url}${route}`, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        // A refused connection never carried the request, so even a POST
        // may go on; a dropped one might have, so only idempotent ones do.
        const refused =
          (error as { cause?: { code?: string } }).cause?.code ===
          "ECONNREFUSED";
        if (attempt >= instances.length || (method === "POST" && !refused))
          throw error;
        tally.retried++;
      }
    }
  }

  async function call(method: string, route: string, body?: unknown) {
    const response = await send(method, route, body);
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

/** What SQL holds of these exams, through the app's own query layer. */
async function countInSql(examIds: string[]) {
  const db = openDatabase(database.url);
  const count = db.fn.countAll<number>().as("n");
  try {
    const [answers, attempts, submitted] = await Promise.all([
      db
        .selectFrom("exam_answers")
        .where("exam_id", "in", examIds)
        .select(count)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom("attempts")
        .where("exam_id", "in", examIds)
        .select(count)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom("exams")
        .where("id", "in", examIds)
        .where("status", "=", "submitted")
        .select(count)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      answers: Number(answers.n),
      attempts: Number(attempts.n),
      submitted: Number(submitted.n),
    };
  } finally {
    await db.destroy();
  }
}

/** A memcached node's counters, read over its text protocol. */
function memcachedStats(cache: MemcachedServer) {
  return new Promise<Record<string, number>>((resolve, reject) => {
    const socket = net.connect(cache.port, "127.0.0.1");
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString();
      if (!text.endsWith("END\r\n")) return;
      socket.end();
      resolve(
        Object.fromEntries(
          [...text.matchAll(/^STAT (\w+) (\d+)\r$/gm)].map((m) => [
            m[1]!,
            Number(m[2]),
          ]),
        ),
      );
    });
    socket.on("error", reject);
    socket.write("stats\r\n");
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function printOnFailure() {
  onTestFailed(() => {
    apps.forEach((app, i) => console.error(`app ${i}:\n${app.output()}`));
  });
}

describe("the scaled-out tier under faults", () => {
  it("loses no session, answer or attempt when one of two memcached nodes is killed while answers are in flight, and reads every session from the other", async () => {
    printOnFailure();
    const tally = newTally();
    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, () =>
        scriptedLearner(() => apps, tally),
      ),
    );
    const total = learners.reduce((n, l) => n + l.questions.length, 0);

    try {
      const answering = answerRange(learners, 0, Infinity);
      const killAfter = tally.requests + LEARNERS * 4;
      while (tally.requests < killAfter) await sleep(5);
      await caches[0]!.kill();
      const survivor = await memcachedStats(caches[1]!);
      await answering;
      const answeredBeforeSubmit = (
        await Promise.all(learners.map((l) => l.view()))
      ).reduce((n, v) => n + Object.keys(v.body?.answers ?? {}).length, 0);
      await Promise.all(learners.map((learner) => learner.submit()));
      const after = await memcachedStats(caches[1]!);
      const sql = await countInSql(learners.map((l) => l.examId));
      const hits = after.get_hits! - survivor.get_hits!;
      const misses = after.get_misses! - survivor.get_misses!;

      console.info(
        `memcached node killed with answers in flight: ${LEARNERS} ` +
          `sessions, ${tally.requests} requests, ${tally.errors.length} ` +
          `errors, ${tally.signedOut} signed out; the other node then ` +
          `served ${hits} session reads and missed ${misses}; ${total} ` +
          `answers sent, ${answeredBeforeSubmit} in the sessions before ` +
          `submitting, ${sql.answers} in SQL, ${sql.attempts} attempts, ` +
          `${sql.submitted} exams submitted`,
      );
      expect(tally.errors).toEqual([]);
      expect(tally.signedOut).toBe(0);
      expect(hits).toBeGreaterThan(LEARNERS);
      // Every session had its copy on the survivor: none was rebuilt from SQL.
      expect(misses).toBe(0);
      expect(answeredBeforeSubmit).toBe(total);
      expect(sql).toEqual({
        answers: total,
        attempts: total,
        submitted: LEARNERS,
      });
    } finally {
      await caches[0]!.restart();
    }
  });

  it("serves pages while every memcached node is down, then carries on the same exams within 5 s of their return", async () => {
    printOnFailure();
    const tally = newTally();
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
    const sql = await countInSql(learners.map((l) => l.examId));

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

  it("lets a learner carry on with the other instance when one is killed while answers are in flight", async () => {
    printOnFailure();
    const tally = newTally();
    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, () =>
        scriptedLearner(() => apps, tally),
      ),
    );
    const total = learners.reduce((n, l) => n + l.questions.length, 0);

    const answering = answerRange(learners, 0, Infinity);
    const killAfter = tally.requests + LEARNERS * 5;
    while (tally.requests < killAfter) await sleep(5);
    await apps[1]!.kill();
    await answering;
    await Promise.all(learners.map((learner) => learner.submit()));
    const sql = await countInSql(learners.map((l) => l.examId));

    console.info(
      `app instance killed with answers in flight: ${LEARNERS} sessions, ` +
        `${tally.requests} requests, ${tally.retried} sent again to the ` +
        `other instance, ${tally.errors.length} errors, ` +
        `${tally.signedOut} signed out; ${total} answers sent, ` +
        `${sql.answers} in SQL, ${sql.attempts} attempts, ` +
        `${sql.submitted} exams submitted`,
    );
    expect(tally.retried).toBeGreaterThan(0);
    expect(tally.errors).toEqual([]);
    expect(tally.signedOut).toBe(0);
    expect(sql).toEqual({
      answers: total,
      attempts: total,
      submitted: LEARNERS,
    });
  });
});
