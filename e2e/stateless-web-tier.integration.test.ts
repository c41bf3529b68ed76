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

const QUESTION = "session-store-for-stateless-web-tier";

let memcached: MemcachedServer;
let first: AppServer;
let second: AppServer;
let database: ScratchDatabase;

beforeAll(async () => {
  database = await freshDatabaseUrl();
  memcached = await startMemcachedServer();
  const env = {
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: database.url,
  };
  // Started together, so both race to migrate the same new database.
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

describe("two app processes behind no sticky load balancer", () => {
  it("share one session and one attempt, whichever process serves", async () => {
    onTestFailed(() => {
      console.error(
        `first app:\n${first.output()}\nsecond app:\n${second.output()}`,
      );
    });
    const browser = browserLike();

    const opened = await browser.request(`${first.url}/api/session`, {
      method: "POST",
    });
    expect(opened.status).toBe(200);
    expect(opened.headers.get("server-timing")).toMatch(
      /^session;dur=\d+(\.\d+)?/,
    );
    const { learner } = (await opened.json()) as { learner: { id: string } };

    const started = await browser.request(
      `${first.url}/api/questions/${QUESTION}/start`,
      {
        method: "POST",
      },
    );
    expect(started.status).toBe(204);

    const answered = await browser.request(
      `${second.url}/api/questions/${QUESTION}/answer`,
      {
        method: "POST",
        body: JSON.stringify({ options: ["C"] }),
      },
    );
    expect(answered.status).toBe(200);
    const verdict = (await answered.json()) as {
      correct: boolean;
      timeTakenMs: number | null;
    };
    expect(verdict.correct).toBe(true);
    // Only the first process saw the question start; the second timed the answer
    // from the shared session.
    expect(verdict.timeTakenMs).not.toBeNull();

    const again = await browser.request(`${first.url}/api/session`, {
      method: "POST",
    });
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await again.json()).toMatchObject({
      learner: { id: learner.id },
      progress: { answered: 1, correct: 1 },
    });

    const health = (await (await fetch(`${second.url}/api/health`)).json()) as {
      memcached: { nodes: { items: number }[] };
    };
    const db = openDatabase(database.url);
    const learners = await db
      .selectFrom("learners")
      .select(db.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const attempts = await db
      .selectFrom("attempts")
      .select(["learner_id", "question_id", "correct"])
      .execute();
    await db.destroy();
    console.info(
      `counted: ${health.memcached.nodes[0]?.items} session(s) in memcached, ` +
        `${learners.n} learner(s), ${attempts.length} attempt(s)`,
    );

    expect(health.memcached.nodes[0]?.items).toBe(1);
    expect(Number(learners.n)).toBe(1);
    expect(
      attempts.map((a) => ({ ...a, correct: Boolean(a.correct) })),
    ).toEqual([
      { learner_id: learner.id, question_id: QUESTION, correct: true },
    ]);
  });
});
