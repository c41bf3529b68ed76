import "server-only";
import { randomInt, randomUUID } from "node:crypto";

import type { Kysely } from "kysely";
import { z } from "zod";

import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { getExamDate, setExamDate } from "@/lib/learners/exam-date";
import type { Learner } from "@/lib/session/session-schema";

// No 0/O, 1/I/L: a code read aloud in a classroom should survive it.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 8;

export const CohortInputSchema = z.strictObject({
  name: z.string().trim().min(1, "give the cohort a name").max(80),
  targetExamDate: z.iso
    .date({ error: "must be a date like 2027-03-15" })
    .nullable()
    .default(null),
});

export const InviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-9]{8}$/, "an invite code is 8 letters and digits");

export type Cohort = {
  id: string;
  name: string;
  inviteCode: string;
  targetExamDate: string | null;
  ownerId: string;
  members: number;
};

function newInviteCode(): string {
  return Array.from(
    { length: CODE_LENGTH },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
  ).join("");
}

export async function createCohort(
  db: Kysely<Database>,
  ownerId: string,
  input: z.infer<typeof CohortInputSchema>,
): Promise<Cohort> {
  const cohort = {
    id: randomUUID(),
    owner_id: ownerId,
    name: input.name,
    invite_code: newInviteCode(),
    target_exam_date: input.targetExamDate,
    created_at: new Date().toISOString(),
  };
  await db.insertInto("cohorts").values(cohort).execute();
  return {
    id: cohort.id,
    name: cohort.name,
    inviteCode: cohort.invite_code,
    targetExamDate: cohort.target_exam_date,
    ownerId,
    members: 0,
  };
}

/** The cohorts a viewer may see: their own, or all of them for an admin. */
export async function listCohorts(
  db: Kysely<Database>,
  viewer: Learner,
): Promise<Cohort[]> {
  let query = db
    .selectFrom("cohorts")
    .leftJoin("cohort_members", "cohort_members.cohort_id", "cohorts.id")
    .select((eb) => [
      "cohorts.id",
      "cohorts.name",
      "cohorts.invite_code",
      "cohorts.target_exam_date",
      "cohorts.owner_id",
      eb.fn.count<number>("cohort_members.learner_id").as("members"),
    ])
    .groupBy("cohorts.id")
    .orderBy("cohorts.created_at", "desc");
  if (viewer.role !== "admin")
    query = query.where("cohorts.owner_id", "=", viewer.id);

  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    inviteCode: row.invite_code,
    targetExamDate: row.target_exam_date,
    ownerId: row.owner_id,
    members: Number(row.members),
  }));
}

/**
 * A cohort the viewer may see, or a 404: an instructor probing another
 * instructor's cohort learns nothing, not even that it exists.
 */
export async function getCohortOrThrow(
  db: Kysely<Database>,
  viewer: Learner,
  cohortId: string,
): Promise<Cohort> {
  const cohort = (await listCohorts(db, viewer)).find((c) => c.id === cohortId);
  if (!cohort)
    throw new AppError("NOT_FOUND", "There is no such cohort of yours.");
  return cohort;
}

/**
 * Adds a learner to the cohort behind an invite code. The cohort's target
 * date becomes the learner's exam date unless they set their own.
 */
export async function joinCohort(
  db: Kysely<Database>,
  learnerId: string,
  code: string,
): Promise<{ cohortId: string; name: string }> {
  const cohort = await db
    .selectFrom("cohorts")
    .select(["id", "name", "target_exam_date"])
    .where("invite_code", "=", code)
    .executeTakeFirst();
  if (!cohort) {
    throw new AppError(
      "NOT_FOUND",
      "No cohort has this invite code. Check it with your instructor.",
    );
  }

  await db
    .insertInto("cohort_members")
    .values({
      cohort_id: cohort.id,
      learner_id: learnerId,
      joined_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (cohort.target_exam_date && !(await getExamDate(db, learnerId)))
    await setExamDate(db, learnerId, cohort.target_exam_date);
  return { cohortId: cohort.id, name: cohort.name };
}

/**
 * Whether a viewer may see one learner's progress through a cohort: the
 * learner must be in it, and the viewer must own it or be an admin. Another
 * instructor's cohort, or a learner outside it, is the same "no".
 */
export async function canViewLearner(
  db: Kysely<Database>,
  viewer: Learner,
  cohortId: string,
  learnerId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("cohort_members")
    .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
    .select("cohorts.owner_id")
    .where("cohort_members.cohort_id", "=", cohortId)
    .where("cohort_members.learner_id", "=", learnerId)
    .executeTakeFirst();
  return (
    row !== undefined && (viewer.role === "admin" || row.owner_id === viewer.id)
  );
}
