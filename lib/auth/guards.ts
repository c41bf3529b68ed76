import "server-only";

import type { Role } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { ActiveSession } from "@/lib/session/open-session";
import type { Learner } from "@/lib/session/session-schema";

const ROLE_NAMES: Record<Role, string> = {
  learner: "learners",
  instructor: "instructors",
  admin: "administrators",
};

/** Refuses a guest: the action needs an account. */
export function requireMember(session: ActiveSession): Learner {
  const learner = session.data.learner;
  if (learner.kind !== "member") {
    throw new AppError(
      "SESSION_REQUIRED",
      "Sign in first: this needs an account.",
    );
  }
  return learner;
}

/**
 * Refuses anyone without one of the roles (admins pass every check): 401 for
 * a visitor who has not signed in, 403 for a member with another role.
 */
export function requireRole(
  session: ActiveSession | null,
  ...roles: Role[]
): Learner {
  const only = `This is only for ${roles.map((r) => ROLE_NAMES[r]).join(" and ")}.`;
  const learner = session?.data.learner;
  if (!learner || learner.kind !== "member") {
    throw new AppError("SESSION_REQUIRED", `${only} Sign in first.`);
  }
  if (learner.role === "admin" || roles.includes(learner.role)) return learner;
  throw new AppError("FORBIDDEN", only);
}
