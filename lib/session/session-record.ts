import "server-only";
import type { Kysely } from "kysely";

import type { Database } from "@/lib/db/schema";
import { loadActiveDrill } from "@/lib/drills/drill-store";
import { loadActiveExam } from "@/lib/exams/exam-store";
import { LearnerSchema } from "@/lib/learners/create-guest-learner";
import { sessionHash } from "@/lib/session/session-id";
import type { Session } from "@/lib/session/session-schema";

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
  { idleMs, now }: { idleMs: number; now: number },
): Promise<Session | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("learners", "learners.id", "sessions.learner_id")
    .select([
      "sessions.created_at",
      "sessions.last_seen_at",
      "learners.id",
      "learners.kind",
      "learners.display_name",
    ])
    .where("sessions.id_hash", "=", sessionHash(id))
    .where("sessions.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;

  const lastSeen = Date.parse(row.last_seen_at);
  if (now - lastSeen > idleMs + SEEN_INTERVAL_MS) return null;

  const learner = LearnerSchema.parse({
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
  });
  return {
    version: 2,
    learner,
    createdAt: Date.parse(row.created_at),
    refreshedAt: now,
    seenAt: lastSeen,
    onScreen: null,
    drill: await loadActiveDrill(db, learner.id),
    exam: await loadActiveExam(db, learner.id),
  };
}
