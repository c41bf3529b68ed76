import "server-only";

import { requireRole } from "@/lib/auth/guards";
import type { Role } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { ActiveSession } from "@/lib/session/open-session";

export type PageGate = { prefix: string; roles: Role[] };

/**
 * The pages only some may open. Their HTML is prerendered and their data
 * comes from API routes with guards of their own; the gate keeps the pages
 * themselves from those they are not for.
 */
export const PAGE_GATES: PageGate[] = [
  { prefix: "/instructor", roles: ["instructor"] },
  { prefix: "/author", roles: ["instructor"] },
  { prefix: "/account", roles: ["learner", "instructor", "admin"] },
];

export type PageVerdict =
  { allowed: true } | { allowed: false; signIn: boolean; message: string };

/** The gate of a page path, or null when anyone may open it. */
export function pageGateOf(pathname: string): PageGate | null {
  return (
    PAGE_GATES.find(
      ({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`),
    ) ?? null
  );
}

/**
 * Whether the session may open the page, by the same rule as the API guards:
 * a visitor who has not signed in is sent to sign in, a member with another
 * role is refused with a message that says who the page is for.
 */
export function checkPageGate(
  gate: PageGate,
  session: ActiveSession | null,
): PageVerdict {
  try {
    requireRole(session, ...gate.roles);
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      allowed: false,
      signIn: error.code === "SESSION_REQUIRED",
      message: error.message,
    };
  }
}
