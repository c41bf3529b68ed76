import "server-only";
import { Migrator, type Kysely, type Migration } from "kysely";

import * as learnersAndAttempts from "@/lib/db/migrations/0001-learners-and-attempts";
import type { Database } from "@/lib/db/schema";
import { logger } from "@/lib/log/logger";

const migrations: Record<string, Migration> = {
  "0001-learners-and-attempts": learnersAndAttempts,
};

const BUSY = /SQLITE_BUSY/;

/**
 * Brings the schema to the latest migration. Two app processes may start at
 * once against one SQLite file; the loser of that race sees SQLITE_BUSY and
 * simply tries again, finding the work done.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });

  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (!error) {
      const applied = results
        .filter((r) => r.status === "Success")
        .map((r) => r.migrationName);
      if (applied.length > 0) logger.info("database migrated", { applied });
      return applied;
    }
    if (
      attempt >= 5 ||
      !BUSY.test(String((error as { code?: string }).code ?? error))
    ) {
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}
