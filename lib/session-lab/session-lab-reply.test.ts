import { describe, expect, it } from "vitest";

import { sessionTimings } from "@/lib/session-lab/session-lab-reply";

describe("sessionTimings", () => {
  it("reads the session read and write durations from Server-Timing", () => {
    expect(
      sessionTimings("session-read;dur=0.8, session-write;dur=1.25"),
    ).toEqual({ readMs: 0.8, writeMs: 1.25 });
  });

  it("leaves out what the header does not carry", () => {
    expect(sessionTimings("db;dur=3")).toEqual({
      readMs: null,
      writeMs: null,
    });
    expect(sessionTimings(null)).toEqual({ readMs: null, writeMs: null });
  });

  it("does not take one name for another that starts the same", () => {
    expect(sessionTimings("session-read-cache;dur=9").readMs).toBeNull();
  });
});
