import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
let app: AppServer;
let database: ScratchDatabase;

beforeAll(async () => {
  database = await freshDatabaseUrl();
  memcached = await startMemcachedServer();
  app = await startAppServer({
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: database.url,
  });
});

afterAll(async () => {
  await app?.stop();
  await memcached?.kill();
  await database?.drop();
});

describe("when memcached goes away and comes back", () => {
  it("answers 503 on session routes, keeps serving pages, then recovers alone", async () => {
    const browser = browserLike();
    expect(
      (await browser.request(`${app.url}/api/session`, { method: "POST" }))
        .status,
    ).toBe(200);

    await memcached.kill();

    const session = await browser.request(`${app.url}/api/session`, {
      method: "POST",
    });
    expect(session.status).toBe(503);
    expect(await session.json()).toEqual({
      error: {
        code: "SESSION_STORE_UNAVAILABLE",
        message: expect.stringMatching(/session store cannot be reached/),
      },
    });
    const answer = await browser.request(
      `${app.url}/api/questions/${QUESTION}/answer`,
      {
        method: "POST",
        body: JSON.stringify({ options: ["C"] }),
      },
    );
    expect(answer.status).toBe(503);
    expect((await fetch(`${app.url}/`)).status).toBe(200);
    expect((await fetch(`${app.url}/questions/${QUESTION}`)).status).toBe(200);
    const health = await fetch(`${app.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      memcached: { ok: false },
      database: { ok: true },
    });

    await memcached.restart();

    const startedWaiting = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - startedWaiting < 10_000) {
      status = (
        await browser.request(`${app.url}/api/session`, { method: "POST" })
      ).status;
      if (status !== 200)
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.info(
      `session routes answered 200 again ${Date.now() - startedWaiting} ms after restart`,
    );
    expect(status).toBe(200);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  });
});
