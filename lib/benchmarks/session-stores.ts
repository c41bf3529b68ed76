import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";

import Database from "better-sqlite3";
import memjs from "memjs";
import pg from "pg";
import { lock } from "proper-lockfile";
import { createClient } from "redis";

/**
 * A place to keep web sessions, reduced to what the benchmark asks of it:
 * read one by id, write one whole. Each says what a write survives.
 */
export type BenchStore = {
  name: string;
  durability: string;
  read(id: string): Promise<string | null>;
  write(id: string, value: string): Promise<void>;
  close(): Promise<void>;
};

const IDLE_SECONDS = 1800;

export function memcachedStore(server: string): BenchStore {
  const client = memjs.Client.create(server, { retries: 0, timeout: 1 });
  return {
    name: "Memcached",
    durability: "memory only: lost when the node restarts",
    async read(id) {
      const { value } = await client.get(id);
      return value ? value.toString("utf8") : null;
    },
    async write(id, value) {
      await client.set(id, value, { expires: IDLE_SECONDS });
    },
    async close() {
      client.close();
    },
  };
}

export async function redisStore(url: string): Promise<BenchStore> {
  const client = createClient({ url });
  client.on("error", () => {}); // a failed call rejects; that is enough
  await client.connect();
  const appendOnly = (await client.configGet("appendonly")).appendonly;
  const snapshots = (await client.configGet("save")).save;
  return {
    name: "Redis",
    durability:
      appendOnly === "yes"
        ? "append-only file, fsync every second"
        : snapshots
          ? `memory, with snapshots (save ${snapshots})`
          : "memory only on this server (no append-only file, no snapshots)",
    read: (id) => client.get(id),
    async write(id, value) {
      await client.set(id, value, { EX: IDLE_SECONDS });
    },
    async close() {
      await client.quit();
    },
  };
}

/** Sessions in a PostgreSQL table of a scratch schema, dropped on close. */
export async function postgresStore(
  url: string,
  poolSize: number,
): Promise<BenchStore> {
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c search_path=${schema}`,
  });
  await pool.query(`create schema ${schema}`);
  await pool.query(
    `create table ${schema}.sessions (id text primary key, data text not null,
       expires_at timestamptz not null)`,
  );
  const commit = (await pool.query("show synchronous_commit")).rows[0]
    .synchronous_commit as string;
  return {
    name: "PostgreSQL",
    durability: `on disk when committed (synchronous_commit ${commit})`,
    async read(id) {
      const { rows } = await pool.query(
        "select data from sessions where id = $1 and expires_at > now()",
        [id],
      );
      return (rows[0]?.data as string | undefined) ?? null;
    },
    async write(id, value) {
      await pool.query(
        `insert into sessions (id, data, expires_at)
         values ($1, $2, now() + make_interval(secs => $3))
         on conflict (id) do update
           set data = excluded.data, expires_at = excluded.expires_at`,
        [id, value, IDLE_SECONDS],
      );
    },
    async close() {
      await pool.query(`drop schema ${schema} cascade`);
      await pool.end();
    },
  };
}

/**
 * Sessions in a SQLite file, as the app keeps its durable records: WAL,
 * with every commit synced. Calls run one at a time on the event loop,
 * which is what "in flight" means for an embedded database.
 */
export function sqliteStore(file: string): BenchStore {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec(
    `create table if not exists sessions (id text primary key,
       data text not null, expires_at integer not null)`,
  );
  const select = db.prepare(
    "select data from sessions where id = ? and expires_at > ?",
  );
  const upsert = db.prepare(
    `insert into sessions (id, data, expires_at) values (?, ?, ?)
     on conflict (id) do update
       set data = excluded.data, expires_at = excluded.expires_at`,
  );
  return {
    name: "SQLite",
    durability: "on disk when committed (WAL, synchronous FULL)",
    async read(id) {
      const row = select.get(id, Date.now()) as { data: string } | undefined;
      return row?.data ?? null;
    },
    async write(id, value) {
      upsert.run(id, value, Date.now() + IDLE_SECONDS * 1000);
    },
    async close() {
      db.close();
    },
  };
}

/**
 * Sessions as files in a shared directory, as on a network file system. A
 * write takes the session's lock, writes a temporary file, syncs it and
 * renames it over the old one, so a reader sees the old or the new session,
 * never half of one, and two instances never interleave their writes.
 */
export async function fileStore(dir: string): Promise<BenchStore> {
  await mkdir(dir, { recursive: true });
  const fileOf = (id: string) => path.join(dir, `${id}.json`);
  return {
    name: "Shared files",
    durability: "on disk: synced before the rename",
    async read(id) {
      try {
        return await readFile(fileOf(id), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async write(id, value) {
      const file = fileOf(id);
      const release = await lock(file, {
        realpath: false,
        retries: { retries: 100, minTimeout: 1, maxTimeout: 20 },
      });
      try {
        const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
        const handle = await open(temporary, "w");
        try {
          await handle.writeFile(value);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, file);
      } finally {
        await release();
      }
    },
    async close() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
