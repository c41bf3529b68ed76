import "server-only";
import type { Kysely } from "kysely";

import type { Database, Role } from "@/lib/db/schema";

export type UserRow = {
  learnerId: string;
  email: string;
  passwordHash: string | null;
  role: Role;
  disabled: boolean;
};

export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserRow | null> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(
  db: Kysely<Database>,
  learnerId: string,
): Promise<UserRow | null> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("learner_id", "=", learnerId)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

function toUser(row: Database["users"]): UserRow {
  return {
    learnerId: row.learner_id,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    disabled: row.disabled_at !== null,
  };
}

/** Turns a learner into a member; the learner row and all it did stay. */
export async function createUser(
  db: Kysely<Database>,
  user: {
    learnerId: string;
    email: string;
    passwordHash: string | null;
    role?: Role;
  },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto("users")
    .values({
      learner_id: user.learnerId,
      email: user.email,
      password_hash: user.passwordHash,
      role: user.role ?? "learner",
      disabled_at: null,
      created_at: now,
      password_changed_at: user.passwordHash ? now : null,
    })
    .execute();
}

export async function setPasswordHash(
  db: Kysely<Database>,
  learnerId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable("users")
    .set({
      password_hash: passwordHash,
      password_changed_at: new Date().toISOString(),
    })
    .where("learner_id", "=", learnerId)
    .execute();
}

export async function setRole(
  db: Kysely<Database>,
  learnerId: string,
  role: Role,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ role })
    .where("learner_id", "=", learnerId)
    .execute();
}

export async function setDisabled(
  db: Kysely<Database>,
  learnerId: string,
  disabled: boolean,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ disabled_at: disabled ? new Date().toISOString() : null })
    .where("learner_id", "=", learnerId)
    .execute();
}

/** Deletes the learner; every table that holds their data cascades. */
export async function deleteLearner(
  db: Kysely<Database>,
  learnerId: string,
): Promise<void> {
  await db.deleteFrom("learners").where("id", "=", learnerId).execute();
}
