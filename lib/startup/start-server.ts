import "server-only";

import { migrateToLatest } from "@/lib/db/migrate";
import { getDb } from "@/lib/db/get-db";
import { sqlitePathFromUrl } from "@/lib/db/database-url";
import { getEnv, InvalidEnvError } from "@/lib/env/env";
import { logger } from "@/lib/log/logger";
import { formatServer } from "@/lib/memcached/server-list";
import { getQuestionBank } from "@/lib/questions/question-bank";

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

  // Parsing and highlighting the bank blocks the event loop for a second or
  // more; done inside the first request, it stalled every other request in
  // flight past its memcached deadline.
  const started = performance.now();
  const bank = getQuestionBank();
  logger.info("question bank loaded", {
    questions: bank.questions.size,
    problems: bank.problems.length,
    ms: Math.round(performance.now() - started),
  });
  logger.info("certdrill server ready", {
    pid: process.pid,
    memcached: env.MEMCACHED_SERVERS.map(formatServer),
    database: sqlitePathFromUrl(env.DATABASE_URL),
  });
}
