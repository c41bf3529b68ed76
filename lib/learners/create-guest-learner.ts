import "server-only";
import { randomUUID } from "node:crypto";

import type { Kysely } from "kysely";

import type { Database } from "@/lib/db/schema";
import type { Learner } from "@/lib/session/session-schema";

/** Records a guest learner so a visitor can practise without an account. */
export async function createGuestLearner(
  db: Kysely<Database>,
): Promise<Learner> {
  const id = randomUUID();
  const learner: Learner = {
    id,
    kind: "guest",
    displayName: `Guest ${id.slice(0, 4).toUpperCase()}`,
    role: "learner",
  };

  await db
    .insertInto("learners")
    .values({
      id,
      kind: "guest",
      display_name: learner.displayName,
      created_at: new Date().toISOString(),
      exam_date: null,
    })
    .execute();
  return learner;
}
