import "server-only";
import { randomUUID } from "node:crypto";

import type { Kysely } from "kysely";
import { z } from "zod";

import type { Database } from "@/lib/db/schema";

export const LearnerSchema = z.object({
  id: z.uuid(),
  kind: z.literal("guest"),
  displayName: z.string().min(1),
});

export type Learner = z.infer<typeof LearnerSchema>;

/** Records a guest learner so a visitor can practise without an account. */
export async function createGuestLearner(
  db: Kysely<Database>,
): Promise<Learner> {
  const id = randomUUID();
  const learner: Learner = {
    id,
    kind: "guest",
    displayName: `Guest ${id.slice(0, 4).toUpperCase()}`,
  };

  await db
    .insertInto("learners")
    .values({
      id,
      kind: learner.kind,
      display_name: learner.displayName,
      created_at: new Date().toISOString(),
      exam_date: null,
    })
    .execute();
  return learner;
}
