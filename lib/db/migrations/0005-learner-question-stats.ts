import { sql, type Kysely } from "kysely";

/**
 * One row per learner and question, kept up to date as answers are written:
 * what the instructor reports need (counts, the first answer for item
 * analysis, the latest verdict for mastery) without reading every attempt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("learner_question_stats")
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("learners.id").onDelete("cascade"),
    )
    .addColumn("question_id", "text", (col) => col.notNull())
    .addColumn("answered", "integer", (col) => col.notNull())
    .addColumn("correct", "integer", (col) => col.notNull())
    .addColumn("first_chosen", "text", (col) => col.notNull())
    .addColumn("first_correct", "integer", (col) => col.notNull())
    .addColumn("first_time_ms", "integer")
    .addColumn("first_at", "text", (col) => col.notNull())
    .addColumn("last_correct", "integer", (col) => col.notNull())
    .addColumn("last_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("learner_question_stats_pk", [
      "learner_id",
      "question_id",
    ])
    .execute();
  await db.schema
    .createIndex("learner_question_stats_question")
    .on("learner_question_stats")
    .column("question_id")
    .execute();

  // PostgreSQL before 16 needs the alias on the subquery; SQLite ignores it.
  await sql`insert into learner_question_stats
    select learner_id, question_id, count(*), sum(correct),
      max(case when first = 1 then chosen_options end),
      max(case when first = 1 then correct end),
      max(case when first = 1 then time_taken_ms end),
      min(created_at),
      max(case when latest = 1 then correct end),
      max(created_at)
    from (select *,
        row_number() over (partition by learner_id, question_id
          order by created_at, id) as first,
        row_number() over (partition by learner_id, question_id
          order by created_at desc, id desc) as latest
      from attempts) as ranked
    group by learner_id, question_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("learner_question_stats").execute();
}
