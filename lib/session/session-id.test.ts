import { describe, expect, it } from "vitest";

import {
  keyPrefix,
  newSessionId,
  SessionIdSchema,
  sessionKey,
} from "@/lib/session/session-id";

describe("session ids", () => {
  it("carry 256 random bits as 43 base64url characters", () => {
    const id = newSessionId();

    expect(Buffer.from(id, "base64url")).toHaveLength(32);
    expect(SessionIdSchema.safeParse(id).success).toBe(true);
  });

  it("do not repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId));

    expect(ids.size).toBe(1000);
  });

  it("are stored under a hashed key that does not contain them", () => {
    const id = newSessionId();
    const key = sessionKey(id);

    expect(key).toMatch(/^sess:[0-9a-f]{64}$/);
    expect(key).not.toContain(id);
    expect(keyPrefix(key)).toBe(key.slice(0, 13));
  });

  it("reject a cookie value of the wrong shape", () => {
    expect(SessionIdSchema.safeParse("../../etc/passwd").success).toBe(false);
  });
});
