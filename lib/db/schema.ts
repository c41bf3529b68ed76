/**
 * The tables as Kysely sees them. Types are kept to what SQLite and
 * PostgreSQL share: text ids, integer flags and ISO-8601 text timestamps, so
 * the same queries run on both.
 */
export type Database = {
  learners: LearnersTable;
  attempts: AttemptsTable;
};

export type LearnersTable = {
  id: string;
  kind: "guest";
  display_name: string;
  created_at: string;
};

export type AttemptsTable = {
  id: string;
  learner_id: string;
  question_id: string;
  /** JSON array of option letters, sorted, for example ["A","C"]. */
  chosen_options: string;
  correct: number;
  time_taken_ms: number | null;
  mode: "practice";
  created_at: string;
};
