/**
 * The tables as Kysely sees them. Types are kept to what SQLite and
 * PostgreSQL share: text ids, integer flags, JSON as text and ISO-8601 text
 * timestamps, so the same queries run on both.
 */
export type Database = {
  learners: LearnersTable;
  sessions: SessionsTable;
  attempts: AttemptsTable;
  drills: DrillsTable;
  exams: ExamsTable;
  exam_answers: ExamAnswersTable;
  review_cards: ReviewCardsTable;
  bookmarks: BookmarksTable;
  users: UsersTable;
  identities: IdentitiesTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  learner_question_stats: LearnerQuestionStatsTable;
};

export type LearnersTable = {
  id: string;
  kind: "guest";
  display_name: string;
  created_at: string;
  /** "YYYY-MM-DD" in UTC, or null when the learner has not set one. */
  exam_date: string | null;
};

/** The durable record of a session; memcached holds its working copy. */
export type SessionsTable = {
  /** sha256 of the session id, as in the memcached key. */
  id_hash: string;
  learner_id: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
};

export type AttemptMode = "practice" | "drill" | "review" | "exam";

export type AttemptsTable = {
  id: string;
  learner_id: string;
  question_id: string;
  /** JSON array of option letters, sorted, for example ["A","C"]. */
  chosen_options: string;
  correct: number;
  time_taken_ms: number | null;
  mode: AttemptMode;
  drill_id: string | null;
  exam_id: string | null;
  created_at: string;
};

export type DrillsTable = {
  id: string;
  learner_id: string;
  /** JSON of the filters the learner chose. */
  filters: string;
  /** JSON array of question ids, in drill order. */
  question_ids: string;
  position: number;
  created_at: string;
  finished_at: string | null;
};

export type ExamStatus = "in-progress" | "submitted" | "expired";

export type ExamsTable = {
  id: string;
  learner_id: string;
  exam_code: string;
  question_ids: string;
  duration_minutes: number;
  shortened: number;
  started_at: string;
  deadline_at: string;
  status: ExamStatus;
  finished_at: string | null;
  correct: number | null;
  scaled_score: number | null;
  passed: number | null;
};

export type ExamAnswersTable = {
  exam_id: string;
  question_id: string;
  chosen_options: string;
  flagged: number;
  updated_at: string;
};

export type ReviewCardsTable = {
  learner_id: string;
  question_id: string;
  /** Copied out of the card so the due queue is one indexed range scan. */
  due: string;
  /** JSON of a ReviewCard (lib/review/review-card.ts). */
  card: string;
  updated_at: string;
};

export type BookmarksTable = {
  learner_id: string;
  question_id: string;
  created_at: string;
};

export type Role = "learner" | "instructor" | "admin";

/** An account: a learner who signed up. Same id as the learner. */
export type UsersTable = {
  learner_id: string;
  email: string;
  /** argon2id; null for an account that only signs in through OpenID Connect. */
  password_hash: string | null;
  role: Role;
  disabled_at: string | null;
  created_at: string;
  password_changed_at: string | null;
};

/** An OpenID Connect identity (issuer and subject) linked to an account. */
export type IdentitiesTable = {
  provider: string;
  subject: string;
  learner_id: string;
  created_at: string;
};

export type CohortsTable = {
  id: string;
  owner_id: string;
  name: string;
  /** What a learner types or follows in a link to join. */
  invite_code: string;
  /** "YYYY-MM-DD", the default exam date of learners who join. */
  target_exam_date: string | null;
  created_at: string;
};

export type CohortMembersTable = {
  cohort_id: string;
  learner_id: string;
  joined_at: string;
};

/** A summary of one learner's answers to one question (migration 0005). */
export type LearnerQuestionStatsTable = {
  learner_id: string;
  question_id: string;
  answered: number;
  correct: number;
  /** JSON array of the letters chosen the first time. */
  first_chosen: string;
  first_correct: number;
  first_time_ms: number | null;
  first_at: string;
  last_correct: number;
  last_at: string;
};
