import "server-only";
import type { Kysely } from "kysely";

import type { Database } from "@/lib/db/schema";
import { loadActiveDrill } from "@/lib/drills/drill-store";
import { loadActiveExam } from "@/lib/exams/exam-store";
import { loadLearner } from "@/lib/learners/load-learner";
import { sessionHash } from "@/lib/session/session-id";
import type { Learner, Session } from "@/lib/session/session-schema";

/** SQL is told a session is in use at most this often. */
export const SEEN_INTERVAL_MS = 5 * 60_000;

/** Writes the durable record of a new session. */
export async function recordSession(
  db: Kysely<Database>,
  id: string,
  learnerId: string,
  now: number,
): Promise<void> {
  const at = new Date(now).toISOString();
  await db
    .insertInto("sessions")
    .values({
      id_hash: sessionHash(id),
      learner_id: learnerId,
      created_at: at,
      last_seen_at: at,
      revoked_at: null,
    })
    .execute();
}

/** Whether SQL holds the session as live: recorded, and not revoked. */
export async function isSessionLive(
  db: Kysely<Database>,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("sessions")
    .select("revoked_at")
    .where("id_hash", "=", sessionHash(id))
    .executeTakeFirst();
  return row !== undefined && row.revoked_at === null;
}

export async function markSessionSeen(
  db: Kysely<Database>,
  id: string,
  now: number,
): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: new Date(now).toISOString() })
    .where("id_hash", "=", sessionHash(id))
    .execute();
}

/**
 * Rebuilds a session that memcached no longer holds (a node restarted or
 * evicted it) from SQL: the learner, and any drill or exam in progress. A
 * session idle for longer than the limit stays gone, as it would in memcached.
 */
export async function restoreSession(
  db: Kysely<Database>,
  id: string,
  { idleMs, now }: { idleMs: (learner: Learner) => number; now: number },
): Promise<Session | null> {
  const row = await db
    .selectFrom("sessions")
    .select(["created_at", "last_seen_at", "learner_id"])
    .where("id_hash", "=", sessionHash(id))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;

  const learner = await loadLearner(db, row.learner_id);
  const lastSeen = Date.parse(row.last_seen_at);
  if (!learner || now - lastSeen > idleMs(learner) + SEEN_INTERVAL_MS)
    return null;

  return {
    version: 3,
    learner,
    createdAt: Date.parse(row.created_at),
    refreshedAt: now,
    seenAt: lastSeen,
    onScreen: null,
    drill: await loadActiveDrill(db, learner.id),
    exam: await loadActiveExam(db, learner.id),
  };
}
