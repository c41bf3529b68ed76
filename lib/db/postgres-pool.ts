import "server-only";
import pg from "pg";

import { describeDatabaseUrl } from "@/lib/db/database-url";
import { logger } from "@/lib/log/logger";

// Per process. Two or three app instances stay well inside PostgreSQL's
// default of 100 connections, with room for migrations and psql.
const POOL_SIZE = 10;

/**
 * pg returns int8 (what count(*) and sum() of integers give) and numeric as
 * strings, since they can exceed a JavaScript number. Ours are counts of
 * answers, far below 2^53, and SQLite returns them as numbers: parsing them
 * here gives callers the same shape from both dialects. Set on this pool's
 * clients only, not on pg's global table.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser(id, format) {
    if (id === pg.types.builtins.INT8 || id === pg.types.builtins.NUMERIC)
      return Number;
    return pg.types.getTypeParser(id, format);
  },
};

/** A connection pool for a `postgres://` DATABASE_URL. */
export function createPostgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    // A database that cannot be reached fails the request (and the health
    // check) instead of leaving it waiting for a connection forever.
    connectionTimeoutMillis: 5000,
    types,
  });
  // An idle connection the server drops (a restart, a failover) is reported
  // here; unhandled, the event would end the process.
  pool.on("error", (error) => {
    logger.error("an idle PostgreSQL connection failed", {
      database: describeDatabaseUrl(url),
      error,
    });
  });
  return pool;
}
