import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";

import {
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from "@/lib/accounts/password-hash";

const PASSWORD = "amber kite mugs on a windy pier";

describe("hashPassword and verifyPassword", () => {
  it("verifies the password that was hashed", async () => {
    const stored = await hashPassword(PASSWORD);

    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
  });

  it("rejects a different password", async () => {
    const stored = await hashPassword(PASSWORD);

    expect(await verifyPassword(stored, `${PASSWORD}s`)).toBe(false);
  });

  it("makes an argon2id hash with today's parameters", async () => {
    const stored = await hashPassword(PASSWORD);

    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("salts each hash, so the same password hashes differently", async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);

    expect(first).not.toBe(second);
  });

  it("normalises, so a full-width spelling matches the ordinary one", async () => {
    const stored = await hashPassword("ａｍｂｅｒ ｋｉｔｅ ｍｕｇｓ");

    expect(await verifyPassword(stored, "amber kite mugs")).toBe(true);
  });

  it("returns false instead of throwing on a malformed hash", async () => {
    await expect(verifyPassword("not-a-hash", PASSWORD)).resolves.toBe(false);
    await expect(verifyPassword("", PASSWORD)).resolves.toBe(false);
  });
});

describe("needsRehash", () => {
  it("is false for a hash made today", async () => {
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });

  it("is true for a hash made with less memory", async () => {
    const weaker = await hash(PASSWORD, { memoryCost: 9216, timeCost: 2 });

    expect(needsRehash(weaker)).toBe(true);
  });

  it("is true for a string that is not an argon2 hash", () => {
    expect(needsRehash("not-a-hash")).toBe(true);
  });
});

describe("verifyAgainstDummy", () => {
  it("returns false whatever the password", async () => {
    expect(await verifyAgainstDummy(PASSWORD)).toBe(false);
    expect(await verifyAgainstDummy("")).toBe(false);
  });
});
