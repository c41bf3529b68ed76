import "server-only";
import type { NextRequest, NextResponse } from "next/server";

import { AUTH_COOKIE, memberSessionIdOf } from "@/lib/auth/auth-cookie";
import { getDb } from "@/lib/db/get-db";
import { AppError } from "@/lib/errors/app-error";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { getSessionStore } from "@/lib/session/get-session-store";
import {
  readSessionId,
  writeSessionCookie,
} from "@/lib/session/session-cookie";
import { newSessionId } from "@/lib/session/session-id";
import { idleSecondsFor } from "@/lib/session/session-lifetime";
import {
  markSessionSeen,
  recordSession,
  restoreSession,
  SEEN_INTERVAL_MS,
} from "@/lib/session/session-record";
import type { Session } from "@/lib/session/session-schema";

export type ActiveSession = { id: string; data: Session; isNew: boolean };

/**
 * The caller's live session, or null when there is none. Memcached holds the
 * working copy; when it has lost one, the session is rebuilt from SQL, so a
 * cache node going away signs nobody out and loses no exam in progress.
 */
export async function findSession(
  request: NextRequest,
): Promise<ActiveSession | null> {
  const memberId = await memberSessionIdOf(request);
  const member = memberId ? await findSessionById(memberId) : null;
  if (member) return member;

  const guestId = readSessionId(request);
  return guestId ? findSessionById(guestId) : null;
}

/**
 * A session by id: the memcached copy, or one rebuilt from SQL. A revoked
 * session is in neither, whichever instance asks, and every write checks SQL
 * afterwards, so a request still holding it cannot put it back.
 */
export async function findSessionById(
  id: string,
): Promise<ActiveSession | null> {
  const store = getSessionStore();
  const now = Date.now();
  const cached = await store.load(id);
  if (cached) {
    if (now - cached.seenAt >= SEEN_INTERVAL_MS) {
      await markSessionSeen(getDb(), id, now);
      cached.seenAt = now;
      if (!(await store.saveIfLive(id, cached))) return null;
    }
    return { id, data: cached, isNew: false };
  }

  const restored = await restoreSession(getDb(), id, {
    idleMs: (learner) => idleSecondsFor(learner) * 1000,
    now,
  });
  // Revoked between the read and the write: the write is undone.
  if (!restored || !(await store.saveIfLive(id, restored))) return null;
  return { id, data: restored, isNew: false };
}

/** The caller's session, refusing with 401 when it is missing or expired. */
export async function requireSession(
  request: NextRequest,
): Promise<ActiveSession> {
  const session = await findSession(request);
  if (!session) {
    throw new AppError(
      "SESSION_REQUIRED",
      "Your session has expired or was never started. Reload the page to start a new one.",
    );
  }
  return session;
}

/**
 * The caller's session, starting a guest one on the first visit. The store is
 * checked before the learner row is written, so an unreachable memcached
 * leaves no orphan learner behind.
 */
export async function ensureSession(
  request: NextRequest,
): Promise<ActiveSession> {
  const existing = await findSession(request);
  if (existing) return existing;

  const id = newSessionId();
  const store = getSessionStore();
  // Deleting the new, unused key proves memcached answers, in one round trip.
  await store.destroy(id);

  const learner = await createGuestLearner(getDb());
  const now = Date.now();
  await recordSession(getDb(), id, learner.id, now);
  const data: Session = {
    version: 3,
    learner,
    createdAt: now,
    refreshedAt: now,
    seenAt: now,
    onScreen: null,
    drill: null,
    exam: null,
  };
  await store.save(id, data);
  return { id, data, isNew: true };
}

/**
 * Hands a newly started session's cookie to the browser, and drops a sign-in
 * token whose session has been revoked, since it can never work again.
 */
export function attachSession(
  response: NextResponse,
  session: ActiveSession,
): NextResponse {
  if (!session.isNew) return response;
  writeSessionCookie(response, session.id);
  response.cookies.delete(AUTH_COOKIE);
  return response;
}
