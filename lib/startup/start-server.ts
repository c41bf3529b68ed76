import "server-only";

import { migrateToLatest } from "@/lib/db/migrate";
import { getDb } from "@/lib/db/get-db";
import { describeDatabaseUrl } from "@/lib/db/database-url";
import { getEnv, InvalidEnvError, type Env } from "@/lib/env/env";
import { logger } from "@/lib/log/logger";
import { formatServer } from "@/lib/memcached/server-list";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { authSecret } from "@/lib/auth/auth-secret";

/**
 * next-auth builds its redirect and callback URLs from NEXTAUTH_URL. Without
 * it (a local run, or instances on several ports) it must take the origin
 * from the request's Host header, which next-auth only does when told to
 * trust it. Behind a load balancer, set NEXTAUTH_URL to the public URL.
 */
function trustHostUnlessUrlIsSet() {
  if (process.env.NEXTAUTH_URL || process.env.AUTH_TRUST_HOST) return;
  process.env.AUTH_TRUST_HOST = "true";
  logger.info("NEXTAUTH_URL is not set: sign-in URLs follow the Host header");
}

/**
 * `next start` (or the standalone `server.js`) passes X-Forwarded-For on as
 * the client sent it, so unless a proxy in front appends the real address the
 * per-address rate limits would count whatever address a client names.
 */
function warnUnlessAddressesAreKnown(env: Env) {
  if (env.NODE_ENV !== "production") return;
  if (env.CERTDRILL_SERVER || env.TRUSTED_PROXY_HOPS !== undefined) return;
  logger.warn(
    "the client's address is taken from X-Forwarded-For as received: start " +
      "with npm start (scripts/serve.mjs), or set TRUSTED_PROXY_HOPS when a " +
      "load balancer appends the address (docs/deploy-aws.md)",
  );
}

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
  trustHostUnlessUrlIsSet();
  warnUnlessAddressesAreKnown(env);
  authSecret();

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
    database: describeDatabaseUrl(env.DATABASE_URL),
  });
}
