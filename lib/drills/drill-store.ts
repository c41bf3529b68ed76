import "server-only";
import { randomUUID } from "node:crypto";

import type { Kysely } from "kysely";
import { z } from "zod";

import type { Database } from "@/lib/db/schema";
import type { DrillFilters } from "@/lib/drills/drill-filters";
import type { DrillState } from "@/lib/session/session-schema";

const QuestionIdsSchema = z.array(z.string().min(1)).min(1);
const ChosenSchema = z.array(z.string().regex(/^[A-Z]$/)).min(1);

/** Starts a drill in SQL, ending any drill the learner left unfinished. */
export async function createDrill(
  db: Kysely<Database>,
  learnerId: string,
  filters: DrillFilters,
  questionIds: string[],
): Promise<DrillState> {
  const id = randomUUID();
  const now = new Date().toISOString();

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("drills")
      .set({ finished_at: now })
      .where("learner_id", "=", learnerId)
      .where("finished_at", "is", null)
      .execute();
    await trx
      .insertInto("drills")
      .values({
        id,
        learner_id: learnerId,
        filters: JSON.stringify(filters),
        question_ids: JSON.stringify(questionIds),
        position: 0,
        created_at: now,
        finished_at: null,
      })
      .execute();
  });
  return { id, questionIds, position: 0, answered: {} };
}

/** The learner's unfinished drill, with its verdicts so far, from SQL. */
export async function loadActiveDrill(
  db: Kysely<Database>,
  learnerId: string,
): Promise<DrillState | null> {
  const row = await db
    .selectFrom("drills")
    .select(["id", "question_ids", "position"])
    .where("learner_id", "=", learnerId)
    .where("finished_at", "is", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (!row) return null;

  const attempts = await db
    .selectFrom("attempts")
    .select(["question_id", "correct"])
    .where("drill_id", "=", row.id)
    .execute();
  return {
    id: row.id,
    questionIds: QuestionIdsSchema.parse(JSON.parse(row.question_ids)),
    position: row.position,
    answered: Object.fromEntries(
      attempts.map((a) => [a.question_id, a.correct === 1]),
    ),
  };
}

export async function saveDrillPosition(
  db: Kysely<Database>,
  drill: DrillState,
): Promise<void> {
  const finished = drill.position >= drill.questionIds.length;
  await db
    .updateTable("drills")
    .set({
      position: drill.position,
      finished_at: finished ? new Date().toISOString() : null,
    })
    .where("id", "=", drill.id)
    .execute();
}

/** The learner's answer to one question of a drill, if they gave one. */
export async function loadDrillAnswer(
  db: Kysely<Database>,
  drillId: string,
  questionId: string,
) {
  const row = await db
    .selectFrom("attempts")
    .select(["chosen_options", "correct", "time_taken_ms"])
    .where("drill_id", "=", drillId)
    .where("question_id", "=", questionId)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (!row) return null;

  return {
    chosen: ChosenSchema.parse(JSON.parse(row.chosen_options)),
    correct: row.correct === 1,
    timeTakenMs: row.time_taken_ms,
  };
}
