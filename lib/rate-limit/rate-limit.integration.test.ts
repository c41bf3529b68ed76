import { randomUUID } from "node:crypto";

import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from "vitest";

import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import {
  createMemcached,
  type Memcached,
} from "@/lib/memcached/memcached-client";
import {
  createRateLimiter,
  enforceRateLimit,
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ADDRESS,
  SIGN_UP_PER_ADDRESS,
  type RateLimiter,
} from "@/lib/rate-limit/rate-limit";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";

/** The start of a window for every rule here (a multiple of an hour). */
const WINDOW_START = 1_800_000_000_000;
const MINUTE = 60_000;

let server: MemcachedServer;
let memcached: Memcached;

beforeAll(async () => {
  server = await startMemcachedServer();
  memcached = connect();
});

afterAll(async () => {
  memcached.close();
  await server.kill();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function connect(): Memcached {
  return createMemcached({
    servers: [{ host: "127.0.0.1", port: server.port }],
    timeoutMs: 500,
  });
}

function newEmail(): string {
  return `learner-${randomUUID()}@example.com`;
}

function newAddress(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** A sign-in as the route makes it: counted per account and per address. */
async function signIn(
  limiter: RateLimiter,
  email: string,
  address: string,
): Promise<boolean> {
  const [byAccount, byAddress] = await Promise.all([
    limiter.hit(SIGN_IN_PER_ACCOUNT, [email]),
    limiter.hit(SIGN_IN_PER_ADDRESS, [address]),
  ]);
  return byAccount.allowed && byAddress.allowed;
}

async function attempts(times: number, attempt: () => Promise<unknown>) {
  const outcomes = [];
  for (let i = 0; i < times; i++) outcomes.push(await attempt());
  return outcomes;
}

describe("rate limiter", () => {
  it("refuses the sixth sign-in on one account within a window and says when to retry", async () => {
    const limiter = createRateLimiter(memcached, {
      now: () => WINDOW_START + 100_000,
    });
    const email = newEmail();

    const verdicts = await attempts(6, () =>
      limiter.hit(SIGN_IN_PER_ACCOUNT, [email]),
    );

    expect(verdicts.slice(0, 5)).toEqual([
      { allowed: true, remaining: 4 },
      { allowed: true, remaining: 3 },
      { allowed: true, remaining: 2 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
    ]);
    expect(verdicts[5]).toEqual({ allowed: false, retryAfterSeconds: 800 });
  });

  it("keeps allowing other accounts from the same address until the address limit", async () => {
    const limiter = createRateLimiter(memcached, { now: () => WINDOW_START });
    const address = newAddress();

    for (let account = 0; account < 6; account++) {
      const email = newEmail();
      expect(await attempts(5, () => signIn(limiter, email, address))).toEqual([
        true,
        true,
        true,
        true,
        true,
      ]);
    }

    expect(await signIn(limiter, newEmail(), address)).toBe(false);
    expect(await signIn(limiter, newEmail(), newAddress())).toBe(true);
  });

  it("allows an account again once a new window starts", async () => {
    let now = WINDOW_START + 14 * MINUTE;
    const limiter = createRateLimiter(memcached, { now: () => now });
    const email = newEmail();
    await attempts(5, () => limiter.hit(SIGN_IN_PER_ACCOUNT, [email]));
    expect(await limiter.hit(SIGN_IN_PER_ACCOUNT, [email])).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });

    now = WINDOW_START + 15 * MINUTE;

    expect(await limiter.hit(SIGN_IN_PER_ACCOUNT, [email])).toEqual({
      allowed: true,
      remaining: 4,
    });
  });

  it("forgets an account's count on reset but keeps the address's", async () => {
    const limiter = createRateLimiter(memcached, { now: () => WINDOW_START });
    const email = newEmail();
    const address = newAddress();
    await attempts(5, () => signIn(limiter, email, address));

    await limiter.reset(SIGN_IN_PER_ACCOUNT, [email]);

    expect(await limiter.hit(SIGN_IN_PER_ACCOUNT, [email])).toEqual({
      allowed: true,
      remaining: 4,
    });
    expect(await limiter.hit(SIGN_IN_PER_ADDRESS, [address])).toEqual({
      allowed: true,
      remaining: 24,
    });
  });

  it("shares counts between two app instances on the same memcached", async () => {
    const other = connect();
    const now = () => WINDOW_START;
    const first = createRateLimiter(memcached, { now });
    const second = createRateLimiter(other, { now });
    const email = newEmail();

    await attempts(3, () => first.hit(SIGN_IN_PER_ACCOUNT, [email]));
    await attempts(2, () => second.hit(SIGN_IN_PER_ACCOUNT, [email]));

    expect(await first.hit(SIGN_IN_PER_ACCOUNT, [email])).toMatchObject({
      allowed: false,
    });
    other.close();
  });

  it("allows exactly the limit when fifty attempts arrive at once", async () => {
    const clients = Array.from({ length: 5 }, connect);
    const limiters = clients.map((client) =>
      createRateLimiter(client, { now: () => WINDOW_START }),
    );
    const email = newEmail();

    const verdicts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        limiters[i % limiters.length]!.hit(SIGN_IN_PER_ACCOUNT, [email]),
      ),
    );

    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
    for (const client of clients) client.close();
  });

  it("counts differently written forms of one email as one account", async () => {
    const limiter = createRateLimiter(memcached, { now: () => WINDOW_START });
    const email = newEmail();

    await attempts(5, () => limiter.hit(SIGN_IN_PER_ACCOUNT, [email]));

    expect(
      await limiter.hit(SIGN_IN_PER_ACCOUNT, [` ${email.toUpperCase()} `]),
    ).toMatchObject({ allowed: false });
  });

  it("stores no email or address in its memcached keys", async () => {
    const keys: string[] = [];
    const recording: Memcached = {
      ...memcached,
      increment: (key, by, options) => {
        keys.push(key);
        return memcached.increment(key, by, options);
      },
      resetCounter: (key) => {
        keys.push(key);
        return memcached.resetCounter(key);
      },
    };
    const limiter = createRateLimiter(recording);
    const email = newEmail();
    const address = newAddress();

    await signIn(limiter, email, address);
    await limiter.hit(SIGN_UP_PER_ADDRESS, [address]);
    await limiter.reset(SIGN_IN_PER_ACCOUNT, [email]);

    expect(keys).toHaveLength(4);
    for (const key of keys) {
      expect(key).toMatch(/^rl:[a-z-]+:\d+:[0-9a-f]{64}$/);
      expect(Buffer.byteLength(key)).toBeLessThanOrEqual(250);
      for (const secret of [email, email.split("@")[0]!, address]) {
        expect(key).not.toContain(secret);
      }
    }
  });

  it("refuses a rule it cannot store before counting anything", async () => {
    const limiter = createRateLimiter(memcached);

    await expect(
      limiter.hit({ name: "has space", limit: 1, windowSeconds: 60 }, ["a"]),
    ).rejects.toThrow(RangeError);
    await expect(
      limiter.hit({ name: "zero", limit: 0, windowSeconds: 60 }, ["a"]),
    ).rejects.toThrow(RangeError);
    await expect(limiter.hit(SIGN_IN_PER_ACCOUNT, [])).rejects.toThrow(
      RangeError,
    );
  });
});

describe("enforceRateLimit", () => {
  async function refusal(secondsLeft: number): Promise<AppError> {
    const limiter = createRateLimiter(memcached, {
      now: () => WINDOW_START + 15 * MINUTE - secondsLeft * 1000,
    });
    const email = newEmail();
    await attempts(5, () => limiter.hit(SIGN_IN_PER_ACCOUNT, [email]));
    return enforceRateLimit(limiter, SIGN_IN_PER_ACCOUNT, [email]).then(
      () => expect.unreachable("the sixth attempt was allowed"),
      (error: unknown) => error as AppError,
    );
  }

  it("lets an attempt under the limit through", async () => {
    const limiter = createRateLimiter(memcached);

    await expect(
      enforceRateLimit(limiter, SIGN_UP_PER_ADDRESS, [newAddress()]),
    ).resolves.toBeUndefined();
  });

  it("refuses with a 429 that carries the wait, rounded up to minutes", async () => {
    const error = await refusal(200);

    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(429);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.details).toMatchObject({ retryAfterSeconds: 200 });
    expect(error.message).toBe(
      "Too many sign-in attempts. Wait 4 minutes and try again.",
    );
  });

  it("says seconds when less than a minute is left", async () => {
    expect((await refusal(42)).message).toBe(
      "Too many sign-in attempts. Wait 42 seconds and try again.",
    );
    expect((await refusal(60)).message).toBe(
      "Too many sign-in attempts. Wait 1 minute and try again.",
    );
  });
});

describe("rate limiter while memcached is down", () => {
  async function withMemcachedDown(test: () => Promise<void>) {
    await server.kill();
    try {
      await test();
    } finally {
      await server.restart();
    }
  }

  it("allows the attempt and logs a warning without the email", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const limiter = createRateLimiter(memcached);
    const email = newEmail();

    await withMemcachedDown(async () => {
      expect(await limiter.hit(SIGN_IN_PER_ACCOUNT, [email])).toEqual({
        allowed: true,
        remaining: 5,
      });
    });

    const unchecked = warn.mock.calls.filter(([message]) =>
      message.includes("allowing an attempt unchecked"),
    );
    expect(unchecked).toEqual([
      [expect.any(String), expect.objectContaining({ rule: "signin-account" })],
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(email.split("@")[0]);
  });

  it("refuses with a 503 when built to fail closed", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => {});
    const limiter = createRateLimiter(memcached, { failClosed: true });

    await withMemcachedDown(async () => {
      const error = await enforceRateLimit(limiter, SIGN_IN_PER_ACCOUNT, [
        newEmail(),
      ]).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "SESSION_STORE_UNAVAILABLE",
        status: 503,
      });
    });
  });

  it("does not fail a sign-in because its count could not be reset", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const limiter = createRateLimiter(memcached, { failClosed: true });

    await withMemcachedDown(async () => {
      await expect(
        limiter.reset(SIGN_IN_PER_ACCOUNT, [newEmail()]),
      ).resolves.toBeUndefined();
    });

    expect(warn).toHaveBeenCalledOnce();
  });

  it("counts again once memcached is back", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => {});
    const limiter = createRateLimiter(memcached, { now: () => WINDOW_START });
    const email = newEmail();
    await withMemcachedDown(async () => {
      await limiter.hit(SIGN_IN_PER_ACCOUNT, [email]);
    });

    expect(await limiter.hit(SIGN_IN_PER_ACCOUNT, [email])).toEqual({
      allowed: true,
      remaining: 4,
    });
  });
});
