import "server-only";
import type { Kysely } from "kysely";

import type { Database } from "@/lib/db/schema";
import { getSessionStore } from "@/lib/session/get-session-store";
import { sessionHash } from "@/lib/session/session-id";

/**
 * Revokes sessions everywhere at once: SQL marks them revoked, so no instance
 * can rebuild them, and their memcached copies are deleted, so no instance
 * finds them. Returns how many were revoked.
 */
export async function revokeSessions(
  db: Kysely<Database>,
  filter: { learnerId: string; exceptId?: string } | { id: string },
): Promise<number> {
  const now = new Date().toISOString();
  let query = db
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("revoked_at", "is", null)
    .returning("id_hash");
  if ("id" in filter) {
    query = query.where("id_hash", "=", sessionHash(filter.id));
  } else {
    query = query.where("learner_id", "=", filter.learnerId);
    if (filter.exceptId)
      query = query.where("id_hash", "<>", sessionHash(filter.exceptId));
  }

  const revoked = await query.execute();
  const store = getSessionStore();
  for (const { id_hash } of revoked) await store.destroyByHash(id_hash);
  if ("id" in filter) await store.destroy(filter.id);
  return revoked.length;
}
