import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("learners")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("kind", "text", (col) =>
      col.notNull().check(sql`kind in ('guest')`),
    )
    .addColumn("display_name", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("attempts")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("learners.id").onDelete("cascade"),
    )
    .addColumn("question_id", "text", (col) => col.notNull())
    .addColumn("chosen_options", "text", (col) => col.notNull())
    .addColumn("correct", "integer", (col) =>
      col.notNull().check(sql`correct in (0, 1)`),
    )
    .addColumn("time_taken_ms", "integer")
    .addColumn("mode", "text", (col) =>
      col.notNull().check(sql`mode in ('practice')`),
    )
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createIndex("attempts_learner_created")
    .on("attempts")
    .columns(["learner_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("attempts_question")
    .on("attempts")
    .column("question_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("attempts").execute();
  await db.schema.dropTable("learners").execute();
}
