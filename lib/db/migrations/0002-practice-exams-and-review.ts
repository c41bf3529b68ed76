import { sql, type Kysely } from "kysely";

const MODES = sql`mode in ('practice', 'drill', 'review', 'exam')`;

/**
 * Drills, mock exams, review cards, bookmarks and durable sessions. SQLite
 * cannot change a CHECK constraint in place, so attempts is rebuilt to accept
 * the new modes and to name the drill or exam an answer belongs to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("learners")
    .addColumn("exam_date", "text")
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (col) => col.primaryKey())
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("learners.id").onDelete("cascade"),
    )
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_seen_at", "text", (col) => col.notNull())
    .addColumn("revoked_at", "text")
    .execute();

  await rebuildAttempts(db);
  await createDrills(db);
  await createExams(db);
  await createReviewCards(db);
  await createBookmarks(db);
}

async function rebuildAttempts(db: Kysely<unknown>) {
  await db.schema
    .createTable("attempts_v2")
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
    .addColumn("mode", "text", (col) => col.notNull().check(MODES))
    .addColumn("drill_id", "text")
    .addColumn("exam_id", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await sql`insert into attempts_v2 (id, learner_id, question_id,
    chosen_options, correct, time_taken_ms, mode, created_at)
    select id, learner_id, question_id, chosen_options, correct,
    time_taken_ms, mode, created_at from attempts`.execute(db);
  await db.schema.dropTable("attempts").execute();
  await db.schema.alterTable("attempts_v2").renameTo("attempts").execute();

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
  await db.schema
    .createIndex("attempts_drill")
    .on("attempts")
    .column("drill_id")
    .execute();
}

async function createDrills(db: Kysely<unknown>) {
  await db.schema
    .createTable("drills")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("learners.id").onDelete("cascade"),
    )
    .addColumn("filters", "text", (col) => col.notNull())
    .addColumn("question_ids", "text", (col) => col.notNull())
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema
    .createIndex("drills_learner")
    .on("drills")
    .columns(["learner_id", "created_at"])
    .execute();
}

async function createExams(db: Kysely<unknown>) {
  await db.schema
    .createTable("exams")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("learners.id").onDelete("cascade"),
    )
    .addColumn("exam_code", "text", (col) => col.notNull())
    .addColumn("question_ids", "text", (col) => col.notNull())
    .addColumn("duration_minutes", "integer", (col) => col.notNull())
    .addColumn("shortened", "integer", (col) => col.notNull())
    .addColumn("started_at", "text", (col) => col.notNull())
    .addColumn("deadline_at", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) =>
      col
        .notNull()
        .check(sql`status in ('in-progress', 'submitted', 'expired')`),
    )
    .addColumn("finished_at", "text")
    .addColumn("correct", "integer")
    .addColumn("scaled_score", "integer")
    .addColumn("passed", "integer")
    .execute();
  await db.schema
    .createIndex("exams_learner")
    .on("exams")
    .columns(["learner_id", "started_at"])
    .execute();

  await db.schema
    .createTable("exam_answers")
    .addColumn("exam_id", "text", (col) =>
      col.notNull().references("exams.id").onDelete("cascade"),
    )
    .addColumn("question_id", "text", (col) => col.notNull())
    .addColumn("chosen_options", "text", (col) => col.notNull())
    .addColumn("flagged", "integer", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("exam_answers_pk", ["exam_id", "question_id"])
    .execute();
}

async function createReviewCards(db: Kysely<unknown>) {
  await db.schema
    .createTable("review_cards")
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("learners.id").onDelete("cascade"),
    )
    .addColumn("question_id", "text", (col) => col.notNull())
    .addColumn("due", "text", (col) => col.notNull())
    .addColumn("card", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("review_cards_pk", ["learner_id", "question_id"])
    .execute();
  await db.schema
    .createIndex("review_cards_due")
    .on("review_cards")
    .columns(["learner_id", "due"])
    .execute();
}

async function createBookmarks(db: Kysely<unknown>) {
  await db.schema
    .createTable("bookmarks")
    .addColumn("learner_id", "text", (col) =>
      col.notNull().references("learners.id").onDelete("cascade"),
    )
    .addColumn("question_id", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("bookmarks_pk", ["learner_id", "question_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "bookmarks",
    "review_cards",
    "exam_answers",
    "exams",
    "drills",
    "sessions",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`delete from attempts where mode <> 'practice'`.execute(db);
  await db.schema.alterTable("learners").dropColumn("exam_date").execute();
}
