import { describe, expect, it } from "vitest";

import { checkPageGate, pageGateOf } from "@/lib/auth/page-gate";
import type { ActiveSession } from "@/lib/session/open-session";
import type { Learner } from "@/lib/session/session-schema";

function sessionOf(learner: Pick<Learner, "kind" | "role">): ActiveSession {
  return {
    id: "x",
    isNew: false,
    data: {
      version: 3,
      learner: {
        id: "2b7c3c1e-0000-4000-8000-00000000000a",
        displayName: "a@example.com",
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

describe("pageGateOf", () => {
  it("gates a page and everything under it, and nothing that merely starts alike", () => {
    expect(pageGateOf("/instructor")?.prefix).toBe("/instructor");
    expect(pageGateOf("/instructor/cohort")?.prefix).toBe("/instructor");
    expect(pageGateOf("/author/preview")?.prefix).toBe("/author");
    expect(pageGateOf("/account")?.prefix).toBe("/account");
    expect(pageGateOf("/accounts")).toBeNull();
    expect(pageGateOf("/progress")).toBeNull();
  });
});

describe("checkPageGate", () => {
  const instructorPages = pageGateOf("/instructor")!;
  const account = pageGateOf("/account")!;

  it("sends a visitor or a guest to sign in", () => {
    for (const session of [null, sessionOf({ kind: "guest", role: "learner" })])
      expect(checkPageGate(instructorPages, session)).toEqual({
        allowed: false,
        signIn: true,
        message: "This is only for instructors. Sign in first.",
      });
  });

  it("refuses a learner the instructor pages, saying who they are for", () => {
    expect(
      checkPageGate(
        instructorPages,
        sessionOf({ kind: "member", role: "learner" }),
      ),
    ).toEqual({
      allowed: false,
      signIn: false,
      message: "This is only for instructors.",
    });
  });

  it("lets instructors and admins in, and any member into their account", () => {
    const instructor = sessionOf({ kind: "member", role: "instructor" });
    const admin = sessionOf({ kind: "member", role: "admin" });
    const learner = sessionOf({ kind: "member", role: "learner" });

    expect(checkPageGate(instructorPages, instructor).allowed).toBe(true);
    expect(checkPageGate(instructorPages, admin).allowed).toBe(true);
    for (const member of [learner, instructor, admin])
      expect(checkPageGate(account, member).allowed).toBe(true);
  });
});
