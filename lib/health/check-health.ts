import "server-only";

import { sql } from "kysely";

import { getDb } from "@/lib/db/get-db";
import { instanceName } from "@/lib/env/instance-name";
import { getMemcached } from "@/lib/memcached/get-memcached";
import type { NodeHealth } from "@/lib/memcached/memcached-client";

export type HealthReport = {
  ok: boolean;
  /** Which app instance answered. */
  instance: string;
  memcached: { ok: boolean; degraded: boolean; nodes: NodeHealth[] };
  database: { ok: true; latencyMs: number } | { ok: false; error: string };
};

export async function checkHealth(): Promise<HealthReport> {
  const [nodes, database] = await Promise.all([
    getMemcached().health(),
    checkDatabase(),
  ]);
  const down = nodes.filter((node) => !node.ok).length;
  // Every key has a copy on two nodes, so one node down loses nothing and
  // an instance stays in service; two down lose the keys both held.
  const memcachedOk = nodes.length === 1 ? down === 0 : down <= 1;
  return {
    ok: memcachedOk && database.ok,
    instance: instanceName(),
    memcached: { ok: memcachedOk, degraded: down > 0, nodes },
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
