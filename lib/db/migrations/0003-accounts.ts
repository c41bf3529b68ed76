import { sql, type Kysely } from "kysely";

/**
 * Accounts. A learner starts as a guest; signing up adds a users row keyed by
 * the same id, so everything the guest did stays theirs. learners.kind keeps
 * recording how the learner started.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("learner_id", "text", (col) =>
      col.primaryKey().references("learners.id").onDelete("cascade"),
    )
    .addColumn("email", "text", (col) => col.notNull().unique())
    .addColumn("password_hash", "text")
    .addColumn("role", "text", (col) =>
      col
        .notNull()
        .defaultTo("learner")
        .check(sql`role in ('learner', 'instructor', 'admin')`),
    )
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("password_changed_at", "text")
    .execute();

  await db.schema
    .createTable("identities")
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("subject", "text", (col) => col.notNull())
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("users.learner_id").onDelete("cascade"),
    )
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("identities_pk", ["provider", "subject"])
    .execute();

  await db.schema
    .createIndex("sessions_learner")
    .on("sessions")
    .column("learner_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("sessions_learner").execute();
  await db.schema.dropTable("identities").execute();
  await db.schema.dropTable("users").execute();
}
