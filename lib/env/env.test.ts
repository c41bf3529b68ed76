import { describe, expect, it } from "vitest";

import { InvalidEnvError, parseEnv } from "@/lib/env/env";

describe("parseEnv", () => {
  it("fills in defaults that run on a laptop", () => {
    const env = parseEnv({});

    expect(env.MEMCACHED_SERVERS).toEqual([{ host: "127.0.0.1", port: 11211 }]);
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.DATABASE_URL).toBe("file:data/certdrill.sqlite");
    expect(env.SESSION_COOKIE_SECURE).toBeUndefined();
  });

  it("treats a blank value as unset", () => {
    expect(parseEnv({ SESSION_IDLE_MINUTES: "" }).SESSION_IDLE_MINUTES).toBe(
      30,
    );
  });

  it("lists every problem with the name of the setting", () => {
    let error: unknown;
    try {
      parseEnv({ MEMCACHED_SERVERS: "cache", SESSION_IDLE_MINUTES: "0" });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(InvalidEnvError);
    const problems = (error as InvalidEnvError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^MEMCACHED_SERVERS: "cache" is not host:port/);
    expect(problems[1]).toBe(
      "SESSION_IDLE_MINUTES: expected a whole number of minutes from 1 to 1440",
    );
  });

  it("refuses a SASL username without a password", () => {
    expect(() => parseEnv({ MEMCACHED_USERNAME: "app" })).toThrow(
      /MEMCACHED_USERNAME: set both MEMCACHED_USERNAME and MEMCACHED_PASSWORD/,
    );
  });

  it("accepts a SQLite file or a PostgreSQL URL as the database", () => {
    for (const url of [
      "file:data/certdrill.sqlite",
      "file:/var/lib/certdrill/db.sqlite",
      "postgres://certdrill:secret@db.internal:5432/certdrill",
      "postgresql://localhost/certdrill?options=-c%20search_path%3Dapp",
    ]) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it("refuses any other database URL with both forms it would take", () => {
    for (const url of [
      "mysql://localhost/certdrill",
      "data/certdrill.sqlite",
      "postgres://",
      "postgres:/localhost/certdrill",
    ]) {
      expect(() => parseEnv({ DATABASE_URL: url }), url).toThrow(
        /DATABASE_URL: use file:<path> for SQLite .* or postgres:\/\/user:password@host:5432\/database .* for PostgreSQL/,
      );
    }
  });

  it("reads the cookie Secure override as a boolean", () => {
    expect(
      parseEnv({ SESSION_COOKIE_SECURE: "false" }).SESSION_COOKIE_SECURE,
    ).toBe(false);
  });
});
