import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount } from "@/lib/accounts/create-account";
import { openDatabase } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import { browserLike, signInOverHttp } from "@/lib/testing/http-client";
import {
  startMemcachedServer,
  type MemcachedServer,
} from "@/lib/testing/memcached-server";
import type { ScratchDatabase } from "@/lib/testing/scratch-database";
import { freshDatabaseUrl } from "@/lib/testing/test-database";

const PASSWORD = "orchid lantern gravel quietly";
const EMAIL = "learner@example.com";
const GENERIC =
  "Something went wrong on our side. Nothing you sent was lost; try again.";

let memcached: MemcachedServer;
let app: AppServer;
let database: ScratchDatabase;

// A database that fails every session write, as one that has lost a table
// would: the account itself can still be found and its password checked.
beforeAll(async () => {
  database = await freshDatabaseUrl();
  const db = openDatabase(database.url);
  await migrateToLatest(db);
  const created = await createAccount(db, {
    email: EMAIL,
    role: "learner",
    password: PASSWORD,
  });
  if (!created.ok) throw new Error(created.message);
  await db.schema.alterTable("sessions").renameTo("sessions_gone").execute();
  await db.destroy();

  memcached = await startMemcachedServer();
  app = await startAppServer({
    MEMCACHED_SERVERS: memcached.address,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "b".repeat(64),
    LOG_LEVEL: "error",
  });
});

afterAll(async () => {
  await app?.stop();
  await memcached?.kill();
  await database?.drop();
});

describe("when the database fails during sign-in", () => {
  it("tells the person a plain message, never the database's words, and logs the real error", async () => {
    const signedIn = await signInOverHttp(
      browserLike(),
      app.url,
      EMAIL,
      PASSWORD,
    );
    const session = await fetch(`${app.url}/api/session`, { method: "POST" });
    const sessionBody = await session.text();

    expect(signedIn.status).not.toBe(500);
    expect(signedIn.error).toBe(GENERIC);
    expect(session.status).toBe(500);
    expect(sessionBody).toContain(GENERIC);
    expect(sessionBody).not.toMatch(/sessions|sql|relation/i);
    // SQLite says "no such table: sessions", PostgreSQL 'relation
    // "sessions" does not exist'; the operator reads it in the log.
    expect(app.output()).toMatch(
      /no such table: sessions|relation \\"sessions\\" does not exist/,
    );
  });
});
