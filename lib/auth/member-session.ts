import "server-only";

import { mergeGuestInto } from "@/lib/accounts/merge-guest";
import type { PreviousSession } from "@/lib/auth/previous-session";
import { getDb } from "@/lib/db/get-db";
import { loadActiveDrill } from "@/lib/drills/drill-store";
import { AppError } from "@/lib/errors/app-error";
import { loadActiveExam } from "@/lib/exams/exam-store";
import { loadLearner } from "@/lib/learners/load-learner";
import { getSessionStore } from "@/lib/session/get-session-store";
import { newSessionId } from "@/lib/session/session-id";
import { recordSession } from "@/lib/session/session-record";
import { revokeSessions } from "@/lib/session/revoke-session";

/**
 * Starts the server-side session of a member who has just signed in. The id
 * is always new (no session fixation). The session the browser had is
 * revoked, and what a guest did in it is merged into the account.
 */
export async function startMemberSession(
  learnerId: string,
  previous: PreviousSession | null,
): Promise<string> {
  const db = getDb();
  if (previous) {
    if (previous.learner.kind === "guest")
      await mergeGuestInto(db, previous.learner.id, learnerId);
    await revokeSessions(db, { id: previous.sessionId });
  }

  const learner = await loadLearner(db, learnerId);
  if (!learner || learner.kind !== "member") {
    throw new AppError("FORBIDDEN", "This account cannot sign in.");
  }
  const id = newSessionId();
  const now = Date.now();
  await recordSession(db, id, learnerId, now);
  await getSessionStore().save(id, {
    version: 3,
    learner,
    createdAt: now,
    refreshedAt: now,
    seenAt: now,
    onScreen: null,
    drill: await loadActiveDrill(db, learnerId),
    exam: await loadActiveExam(db, learnerId),
  });
  return id;
}
