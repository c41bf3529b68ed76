import "server-only";
import { sql } from "kysely";

import { getDb } from "@/lib/db/get-db";
import { getMemcached } from "@/lib/memcached/get-memcached";
import type { NodeHealth } from "@/lib/memcached/memcached-client";

export type HealthReport = {
  ok: boolean;
  memcached: { ok: boolean; nodes: NodeHealth[] };
  database: { ok: true; latencyMs: number } | { ok: false; error: string };
};

export async function checkHealth(): Promise<HealthReport> {
  const [nodes, database] = await Promise.all([
    getMemcached().health(),
    checkDatabase(),
  ]);
  const memcachedOk = nodes.every((node) => node.ok);
  return {
    ok: memcachedOk && database.ok,
    memcached: { ok: memcachedOk, nodes },
    database,
  };
}

async function checkDatabase(): Promise<HealthReport["database"]> {
  const started = performance.now();
  try {
    await sql`select 1`.execute(getDb());
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
