import "server-only";
import type { Kysely } from "kysely";

import type { Database } from "@/lib/db/schema";
import { LearnerSchema, type Learner } from "@/lib/session/session-schema";

/**
 * A learner as a session carries them: a member when they have an account,
 * with its role. A disabled account is no learner at all: null.
 */
export async function loadLearner(
  db: Kysely<Database>,
  learnerId: string,
): Promise<Learner | null> {
  const row = await db
    .selectFrom("learners")
    .leftJoin("users", "users.learner_id", "learners.id")
    .select([
      "learners.id",
      "learners.display_name",
      "users.email",
      "users.role",
      "users.disabled_at",
    ])
    .where("learners.id", "=", learnerId)
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;

  return LearnerSchema.parse({
    id: row.id,
    kind: row.email ? "member" : "guest",
    displayName: row.email ?? row.display_name,
    role: row.role ?? "learner",
  });
}
