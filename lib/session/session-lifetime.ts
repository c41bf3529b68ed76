import "server-only";

import { getEnv } from "@/lib/env/env";
import type { Learner } from "@/lib/session/session-schema";

/**
 * How long a session may sit unused. A guest's short idle limit protects a
 * shared computer; a member chose to sign in and expects to stay signed in,
 * and can sign out everywhere from the account page.
 */
export function idleSecondsFor(learner: Learner): number {
  const env = getEnv();
  return learner.kind === "member"
    ? env.MEMBER_SESSION_IDLE_DAYS * 24 * 60 * 60
    : env.SESSION_IDLE_MINUTES * 60;
}
