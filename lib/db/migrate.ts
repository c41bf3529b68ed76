import "server-only";
import { Migrator, sql, type Kysely, type Migration } from "kysely";

import { dialectOf } from "@/lib/db/get-db";

import * as learnersAndAttempts from "@/lib/db/migrations/0001-learners-and-attempts";
import * as practiceExamsAndReview from "@/lib/db/migrations/0002-practice-exams-and-review";
import * as accounts from "@/lib/db/migrations/0003-accounts";
import * as cohorts from "@/lib/db/migrations/0004-cohorts";
import * as learnerQuestionStats from "@/lib/db/migrations/0005-learner-question-stats";
import type { Database } from "@/lib/db/schema";
import { logger } from "@/lib/log/logger";

export const MIGRATIONS: Record<string, Migration> = {
  "0001-learners-and-attempts": learnersAndAttempts,
  "0002-practice-exams-and-review": practiceExamsAndReview,
  "0003-accounts": accounts,
  "0004-cohorts": cohorts,
  "0005-learner-question-stats": learnerQuestionStats,
};

/**
 * Kysely's PostgreSQL adapter runs all pending migrations in one transaction
 * under an advisory lock, so a second process waits and then finds nothing
 * to do. Its SQLite adapter takes no lock across processes, so two app
 * processes starting at once on a new file both try to migrate. Each
 * migration commits atomically with its record, so the loser sees either
 * SQLITE_BUSY or what the winner has just committed (a table or index that
 * "already exists", a "duplicate column name" from an added column), and a
 * retry finds the work done. A migration that is itself wrong fails
 * the same way every time and is reported after the last try.
 */
export function lostTheRace(error: unknown): boolean {
  const { code = "", message = "" } = error as {
    code?: string;
    message?: string;
  };
  return (
    code.startsWith("SQLITE_BUSY") ||
    /already exists|duplicate column name/.test(message)
  );
}

/**
 * A migrator for the schema the handle works in. On PostgreSQL that is the
 * first schema of its search_path: Kysely looks for its own tables in any
 * schema unless told which, and would take another schema's record of
 * migrations (a test's, say) for this one's.
 */
export async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (dialectOf(db) === "postgres") {
    const { rows } = await sql<{
      schema: string | null;
    }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
    if (!migrationTableSchema)
      throw new Error("no schema of the search_path exists to migrate");
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableSchema,
  });
}

/** Brings the schema to the latest migration. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = await migratorFor(db);
  const mayRace = dialectOf(db) === "sqlite";

  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (!error) {
      const applied = results
        .filter((r) => r.status === "Success")
        .map((r) => r.migrationName);
      if (applied.length > 0) logger.info("database migrated", { applied });
      return applied;
    }
    if (attempt >= 5 || !mayRace || !lostTheRace(error)) throw error;
    logger.warn("another process is migrating the database; trying again", {
      attempt,
      reason: error instanceof Error ? error.message : String(error),
    });
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}
