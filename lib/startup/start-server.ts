import "server-only";

import { migrateToLatest } from "@/lib/db/migrate";
import { getDb } from "@/lib/db/get-db";
import { sqlitePathFromUrl } from "@/lib/db/database-url";
import { getEnv, InvalidEnvError } from "@/lib/env/env";
import { logger } from "@/lib/log/logger";
import { formatServer } from "@/lib/memcached/server-list";

/**
 * Runs once when a server process starts: refuses a bad environment with a
 * message that says what to fix, then brings the database schema up to date.
 */
export async function startServer(): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof InvalidEnvError)) throw error;
    logger.error("certdrill cannot start: fix these settings and start again", {
      problems: error.problems,
    });
    process.exit(1);
  }

  await migrateToLatest(getDb());
  logger.info("certdrill server ready", {
    pid: process.pid,
    memcached: env.MEMCACHED_SERVERS.map(formatServer),
    database: sqlitePathFromUrl(env.DATABASE_URL),
  });
}
