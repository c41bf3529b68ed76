import { describe, expect, it } from "vitest";

import { requireMember, requireRole } from "@/lib/auth/guards";
import type { ActiveSession } from "@/lib/session/open-session";
import type { Learner } from "@/lib/session/session-schema";

const A = "2b7c3c1e-0000-4000-8000-00000000000a";

function sessionOf(learner: Partial<Learner>): ActiveSession {
  return {
    id: "x",
    isNew: false,
    data: {
      version: 3,
      learner: {
        id: A,
        kind: "member",
        displayName: "a@example.com",
        role: "learner",
        ...learner,
      },
      createdAt: 0,
      refreshedAt: 0,
      seenAt: 0,
      onScreen: null,
      drill: null,
      exam: null,
    },
  };
}

describe("requireRole", () => {
  it("lets the named role and admins through", () => {
    expect(
      requireRole(sessionOf({ role: "instructor" }), "instructor").role,
    ).toBe("instructor");
    expect(requireRole(sessionOf({ role: "admin" }), "instructor").role).toBe(
      "admin",
    );
  });

  it("refuses another role with a 403 that names who it is for", () => {
    expect(() =>
      requireRole(sessionOf({ role: "learner" }), "instructor"),
    ).toThrow(
      expect.objectContaining({
        status: 403,
        message: "This is only for instructors.",
      }),
    );
  });

  it("refuses a guest or no session with a 401 that says to sign in", () => {
    for (const session of [sessionOf({ kind: "guest" }), null]) {
      expect(() => requireRole(session, "admin")).toThrow(
        expect.objectContaining({
          status: 401,
          message: "This is only for administrators. Sign in first.",
        }),
      );
    }
  });
});

describe("requireMember", () => {
  it("refuses a guest and returns a member", () => {
    expect(() => requireMember(sessionOf({ kind: "guest" }))).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    expect(requireMember(sessionOf({})).id).toBe(A);
  });
});
