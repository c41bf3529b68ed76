import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createMemcached,
  type Memcached,
} from "@/lib/memcached/memcached-client";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { newSessionId, sessionKey } from "@/lib/session/session-id";
import { isSessionLive, recordSession } from "@/lib/session/session-record";
import type { Session } from "@/lib/session/session-schema";
import { createSessionStore } from "@/lib/session/session-store";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import { openTestDatabase } from "@/lib/testing/test-database";

let server: MemcachedServer;
let memcached: Memcached;

beforeAll(async () => {
  server = await startMemcachedServer();
  memcached = createMemcached({
    servers: [{ host: "127.0.0.1", port: server.port }],
    timeoutMs: 500,
  });
});

afterAll(async () => {
  memcached.close();
  await server.kill();
});

function guestSession(at: number): Session {
  return {
    version: 3,
    learner: {
      id: randomUUID(),
      kind: "guest",
      displayName: "Guest",
      role: "learner",
    },
    createdAt: at,
    refreshedAt: at,
    seenAt: at,
    onScreen: null,
    drill: null,
    exam: null,
  };
}

async function stored(id: string): Promise<Session> {
  return JSON.parse(
    (await memcached.get(sessionKey(id)))!.toString(),
  ) as Session;
}

describe("session store", () => {
  it("reads back what it saved", async () => {
    const store = createSessionStore(memcached, {
      idleSeconds: 60,
      maxBytes: 4096,
    });
    const id = newSessionId();
    const session = {
      ...guestSession(Date.now()),
      onScreen: { questionId: "q", startedAt: 1 },
    };

    await store.save(id, session);

    expect(await store.load(id)).toEqual(session);
  });

  it("finds nothing for an unknown id", async () => {
    const store = createSessionStore(memcached, {
      idleSeconds: 60,
      maxBytes: 4096,
    });

    expect(await store.load(newSessionId())).toBeNull();
  });

  it("refreshes the idle expiry only once the refresh interval has passed", async () => {
    let now = 1_000_000;
    const store = createSessionStore(memcached, {
      idleSeconds: 60,
      maxBytes: 4096,
      refreshAfterMs: 60_000,
      now: () => now,
    });
    const id = newSessionId();
    await store.save(id, guestSession(now));

    now += 59_000;
    await store.load(id);
    expect((await stored(id)).refreshedAt).toBe(1_000_000);

    now += 1_000;
    await store.load(id);
    expect((await stored(id)).refreshedAt).toBe(1_060_000);
  });

  it("lets an idle session expire", async () => {
    const store = createSessionStore(memcached, {
      idleSeconds: 1,
      maxBytes: 4096,
    });
    const id = newSessionId();
    await store.save(id, guestSession(Date.now()));

    await new Promise((resolve) => setTimeout(resolve, 2_100));

    expect(await store.load(id)).toBeNull();
  });

  it("refuses a session over the size limit and keeps the last good one", async () => {
    const store = createSessionStore(memcached, {
      idleSeconds: 60,
      maxBytes: 1024,
    });
    const id = newSessionId();
    const good = guestSession(Date.now());
    await store.save(id, good);
    const huge = {
      ...good,
      learner: { ...good.learner, displayName: "x".repeat(2000) },
    };

    await expect(store.save(id, huge)).rejects.toMatchObject({
      code: "SESSION_TOO_LARGE",
      status: 413,
      message: expect.stringMatching(/more than the 1024 allowed/),
    });
    expect(await store.load(id)).toEqual(good);
  });

  it("discards a stored value that does not match the schema", async () => {
    const store = createSessionStore(memcached, {
      idleSeconds: 60,
      maxBytes: 4096,
    });
    const id = newSessionId();
    await memcached.set(
      sessionKey(id),
      Buffer.from('{"version":1,"learner":"me"}'),
      60,
    );

    expect(await store.load(id)).toBeNull();
    expect(await memcached.get(sessionKey(id))).toBeNull();
  });

  it("forgets a destroyed session", async () => {
    const store = createSessionStore(memcached, {
      idleSeconds: 60,
      maxBytes: 4096,
    });
    const id = newSessionId();
    await store.save(id, guestSession(Date.now()));

    await store.destroy(id);

    expect(await store.load(id)).toBeNull();
  });

  it("deletes again a copy that a request wrote back after the session was revoked", async () => {
    const database = await openTestDatabase();
    const store = createSessionStore(memcached, {
      idleSeconds: 60,
      maxBytes: 4096,
      isLive: (id) => isSessionLive(database.db, id),
    });
    const learner = await createGuestLearner(database.db);
    const id = newSessionId();
    await recordSession(database.db, id, learner.id, Date.now());
    await store.save(id, guestSession(Date.now()));
    const held = (await store.load(id))!;

    // Revoked as revokeSessions does it: SQL first, then the cached copy.
    await database.db
      .updateTable("sessions")
      .set({ revoked_at: new Date().toISOString() })
      .execute();
    await store.destroy(id);
    const lateWrite = store.save(id, held);

    await expect(lateWrite).rejects.toMatchObject({ status: 401 });
    expect(await memcached.get(sessionKey(id))).toBeNull();
    expect(await store.saveIfLive(id, held)).toBe(false);
    expect(await store.load(id)).toBeNull();
    await database.close();
  });
});
