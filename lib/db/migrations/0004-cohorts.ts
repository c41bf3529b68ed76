import type { Kysely } from "kysely";

/** Cohorts an instructor runs, and the learners who joined them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("cohorts")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("owner_id", "text", (col) =>
      col.notNull().references("users.learner_id").onDelete("cascade"),
    )
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("invite_code", "text", (col) => col.notNull().unique())
    .addColumn("target_exam_date", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("cohorts_owner")
    .on("cohorts")
    .column("owner_id")
    .execute();

  await db.schema
    .createTable("cohort_members")
    .addColumn("cohort_id", "text", (col) =>
      col.notNull().references("cohorts.id").onDelete("cascade"),
    )
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("learners.id").onDelete("cascade"),
    )
    .addColumn("joined_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("cohort_members_pk", ["cohort_id", "learner_id"])
    .execute();
  await db.schema
    .createIndex("cohort_members_learner")
    .on("cohort_members")
    .column("learner_id")
    .execute();

  // Item analysis reads every first attempt of a question in time order.
  await db.schema
    .createIndex("attempts_question_learner_created")
    .on("attempts")
    .columns(["question_id", "learner_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("attempts_question_learner_created").execute();
  await db.schema.dropTable("cohort_members").execute();
  await db.schema.dropTable("cohorts").execute();
}
