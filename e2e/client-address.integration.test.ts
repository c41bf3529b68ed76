import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SIGN_IN_PER_ADDRESS } from "@/lib/rate-limit/rate-limit";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import { browserLike, signInOverHttp } from "@/lib/testing/http-client";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import { makeTempDir } from "@/lib/testing/temp-dir";

// An app reached directly, as `npm start` serves it: no proxy in front, so
// every address header a client sends is a claim, not a fact.

let memcached: MemcachedServer;
let app: AppServer;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir();
  memcached = await startMemcachedServer();
  app = await startAppServer({
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: `file:${path.join(temp.dir, "certdrill.sqlite")}`,
    NEXTAUTH_SECRET: "x".repeat(64),
    LOG_LEVEL: "error",
  });
});

afterAll(async () => {
  await app?.stop();
  await memcached?.kill();
  temp?.remove();
});

/** Waits out the end of a fixed window the attempts would otherwise straddle. */
async function awayFromWindowEnd(windowSeconds: number, needSeconds: number) {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < needSeconds)
    await new Promise((r) => setTimeout(r, (left + 1) * 1000));
}

describe("the address a request is counted under", () => {
  it("is the connection's, so a new X-Forwarded-For or X-Real-IP on every sign-in does not escape the limit per address", async () => {
    const { limit, windowSeconds } = SIGN_IN_PER_ADDRESS;
    await awayFromWindowEnd(windowSeconds, 60);
    const errors = [];
    for (let n = 0; n <= limit; n++) {
      // A new browser, email and claimed address every time: only the
      // address limit can stop this.
      const browser = browserLike({
        headers: {
          "x-forwarded-for": `198.51.100.${n}`,
          "x-real-ip": `203.0.113.${n}`,
        },
      });
      const result = await signInOverHttp(
        browser,
        app.url,
        `sprayed-${n}@example.com`,
        "a guess from a list of common passwords",
      );
      errors.push(result.error);
    }

    expect(errors.slice(0, limit)).toEqual(
      Array(limit).fill("CredentialsSignin"),
    );
    expect(errors[limit]).toMatch(
      /^Too many sign-in attempts\. Wait \d+ (minutes?|seconds?) and try again\.$/,
    );
  });
});
