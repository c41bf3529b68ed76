import "server-only";
import { cookies } from "next/headers";

import { findSessionById } from "@/lib/session/open-session";
import { SESSION_COOKIE } from "@/lib/session/session-cookie";
import { SessionIdSchema } from "@/lib/session/session-id";
import type { Learner } from "@/lib/session/session-schema";

export type PreviousSession = { sessionId: string; learner: Learner };

/**
 * The session this browser had before signing in (a guest's), read as every
 * request reads one: from memcached, or rebuilt from its SQL row when the
 * cache has lost it, so the guest's progress is merged either way.
 */
export async function findPreviousSession(): Promise<PreviousSession | null> {
  const id = SessionIdSchema.safeParse(
    (await cookies()).get(SESSION_COOKIE)?.value,
  );
  if (!id.success) return null;

  const session = await findSessionById(id.data);
  return session ? { sessionId: id.data, learner: session.data.learner } : null;
}
