import "server-only";

import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import {
  createNodeClient,
  type CounterOptions,
  type NodeClient,
} from "@/lib/memcached/node-client";
import { rankNodes } from "@/lib/memcached/placement";
import {
  createVersionClock,
  decodeReplica,
  encodeReplica,
  type ReplicaValue,
} from "@/lib/memcached/replica-value";
import type { ServerAddress } from "@/lib/memcached/server-list";

export type { CounterOptions } from "@/lib/memcached/node-client";

export type MemcachedOptions = {
  servers: ServerAddress[];
  username?: string;
  password?: string;
  timeoutMs: number;
  /** How long a delete's tombstone outlives it: the longest any copy lives. */
  tombstoneSeconds?: number;
  /** How long a failed node is passed over; 1 s unless set. */
  downForMs?: number;
  now?: () => number;
};

export type NodeHealth =
  | { server: string; ok: true; latencyMs: number; items: number }
  | { server: string; ok: false; error: string };

export type Placement = { home: string; backup: string | null };

export type Memcached = {
  get(key: string): Promise<Buffer | null>;
  set(key: string, value: Buffer, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Adds `by` to a counter, creating it when missing; the new value. Counters
   * live on the key's home node alone (its backup while the home is down). An
   * increment that times out may still have counted, so counts err high.
   */
  increment(key: string, by: number, options: CounterOptions): Promise<number>;
  /** Removes a counter from both of its nodes. */
  resetCounter(key: string): Promise<void>;
  /** Which node holds a key and which keeps its copy. */
  placement(key: string): Placement;
  health(): Promise<NodeHealth[]>;
  close(): void;
};

// memjs writes amounts as 32-bit fields, and memcached reads an expiry past
// 30 days as a Unix time, so larger numbers would silently mean something else.
const MAX_UINT32 = 0xffff_ffff;
const MAX_RELATIVE_EXPIRY_SECONDS = 30 * 24 * 60 * 60;

const UNAVAILABLE =
  "Sessions are unavailable right now because the session store cannot be " +
  "reached. Pages still work; try again in a moment.";

/**
 * A cluster of memcached nodes in which every key is written to its home
 * node and to one backup, chosen by rendezvous hashing. Reads ask both and
 * keep the newer copy, so a node that missed writes while it was away never
 * wins; a copy missing or stale on one node is written back to it. A delete
 * leaves a tombstone on both, so a copy on a node that missed the delete
 * cannot bring the key back. One node failing costs no key and shows no
 * error; a call fails only when both of a key's nodes do.
 */
export function createMemcached(options: MemcachedOptions): Memcached {
  const now = options.now ?? Date.now;
  const nextVersion = createVersionClock(now);
  const tombstoneSeconds =
    options.tombstoneSeconds ?? MAX_RELATIVE_EXPIRY_SECONDS;
  const nodes = options.servers.map((server) =>
    createNodeClient(server, {
      username: options.username,
      password: options.password,
      timeoutMs: options.timeoutMs,
      downForMs: options.downForMs ?? 1000,
    }),
  );

  /** A key's home node, then its backup. */
  function rankedReplicas(key: string): NodeClient[] {
    return rankNodes(key, nodes).slice(0, 2);
  }

  /**
   * A key's nodes in no particular order, for calls that ask them all at
   * once: with two nodes or fewer that is every node, with no hashing.
   */
  function replicasOf(key: string): NodeClient[] {
    return nodes.length <= 2 ? nodes : rankedReplicas(key);
  }

  /**
   * The replicas worth asking: those not passed over after a failure, or
   * all of them when every one is, since then nothing else could answer.
   */
  function usable(replicas: NodeClient[]): NodeClient[] {
    const up = replicas.filter((node) => node.isUsable());
    return up.length > 0 ? up : replicas;
  }

  function unavailable(op: string, key: string, causes: unknown[]) {
    return new AppError(
      "SESSION_STORE_UNAVAILABLE",
      UNAVAILABLE,
      {
        op,
        server: replicasOf(key)
          .map((node) => node.name)
          .join(","),
      },
      { cause: causes.length === 1 ? causes[0] : new AggregateError(causes) },
    );
  }

  /** Writes to every usable replica; fails only if none took the write. */
  async function writeReplicas(op: string, key: string, copy: ReplicaValue) {
    const ttlSeconds = secondsUntil(copy.expiresAt, now());
    const encoded = encodeReplica(copy);
    const outcomes = await Promise.allSettled(
      usable(replicasOf(key)).map((node) => node.set(key, encoded, ttlSeconds)),
    );
    const failures = rejections(outcomes);
    if (failures.length === outcomes.length) {
      throw unavailable(op, key, failures);
    }
  }

  async function get(key: string): Promise<Buffer | null> {
    const asked = usable(replicasOf(key));
    const outcomes = await Promise.allSettled(
      asked.map((node) => node.get(key)),
    );
    const failures = rejections(outcomes);
    if (failures.length === outcomes.length) {
      throw unavailable("get", key, failures);
    }

    const copies = outcomes.map((outcome) =>
      outcome.status === "fulfilled" && outcome.value
        ? decodeReplica(outcome.value)
        : null,
    );
    const newest = copies.reduce<ReplicaValue | null>(
      (best, copy) =>
        copy && (!best || copy.version > best.version) ? copy : best,
      null,
    );
    if (!newest) return null;

    asked.forEach((node, index) => {
      const copy = copies[index];
      const answered = outcomes[index]?.status === "fulfilled";
      if (answered && (!copy || copy.version < newest.version)) {
        refill(node, key, newest);
      }
    });
    return newest.tombstone ? null : newest.value;
  }

  /** Brings a replica that lost or missed a write up to date, in the background. */
  function refill(node: NodeClient, key: string, copy: ReplicaValue) {
    const ttlSeconds = secondsUntil(copy.expiresAt, now());
    const expired = copy.expiresAt !== Infinity && ttlSeconds <= 0;
    // A copy written before replication existed has no known expiry.
    if (copy.expiresAt === 0 || expired) return;
    node.set(key, encodeReplica(copy), ttlSeconds).catch((error: unknown) => {
      logger.debug("could not refill a memcached replica", {
        node: node.name,
        reason: error instanceof Error ? error.message : String(error),
      });
    });
  }

  async function incrementOnReplicas(
    key: string,
    by: number,
    counter: CounterOptions,
  ): Promise<number> {
    const failures: unknown[] = [];
    for (const node of usable(rankedReplicas(key))) {
      try {
        return await node.increment(key, by, counter);
      } catch (error) {
        failures.push(error);
        // A node that answered with an error is up: the backup would only
        // start a second count of the same key.
        if (node.isUsable()) break;
      }
    }
    throw unavailable("increment", key, failures);
  }

  async function resetCounter(key: string): Promise<void> {
    const outcomes = await Promise.allSettled(
      usable(replicasOf(key)).map((node) => node.delete(key)),
    );
    const failures = rejections(outcomes);
    if (failures.length === outcomes.length) {
      throw unavailable("delete", key, failures);
    }
  }

  return {
    get,
    set: (key, value, ttlSeconds) =>
      writeReplicas("set", key, {
        version: nextVersion(),
        expiresAt: ttlSeconds === 0 ? Infinity : now() + ttlSeconds * 1000,
        tombstone: false,
        value,
      }),
    delete: (key) =>
      writeReplicas("delete", key, {
        version: nextVersion(),
        expiresAt: now() + tombstoneSeconds * 1000,
        tombstone: true,
        value: Buffer.alloc(0),
      }),
    increment(key, by, counter) {
      // Thrown before any promise exists: a caller's bug, not an outage.
      checkCounterArguments(by, counter);
      return incrementOnReplicas(key, by, counter);
    },
    resetCounter,
    placement(key) {
      const [home, backup] = rankedReplicas(key);
      return { home: home?.name ?? "none", backup: backup?.name ?? null };
    },
    health: () =>
      Promise.all(
        nodes.map(async (node) => ({
          server: node.name,
          ...(await node.stats()),
        })),
      ),
    close: () => nodes.forEach((node) => node.close()),
  };
}

/** A relative memcached expiry; 0, "never", for a copy that never expires. */
function secondsUntil(expiresAt: number, now: number): number {
  if (expiresAt === Infinity) return 0;
  return Math.min(
    MAX_RELATIVE_EXPIRY_SECONDS,
    Math.ceil((expiresAt - now) / 1000),
  );
}

function rejections(outcomes: PromiseSettledResult<unknown>[]): unknown[] {
  return outcomes.flatMap((outcome) =>
    outcome.status === "rejected" ? [outcome.reason] : [],
  );
}

function checkCounterArguments(by: number, counter: CounterOptions): void {
  const fields = { by, initial: counter.initial };
  for (const [name, value] of Object.entries(fields)) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_UINT32) {
      throw new RangeError(
        `memcached increment: ${name} must be an integer from 0 to ` +
          `${MAX_UINT32}, not ${value}`,
      );
    }
  }
  const expires = counter.expiresSeconds;
  if (
    !Number.isInteger(expires) ||
    expires < 0 ||
    expires > MAX_RELATIVE_EXPIRY_SECONDS
  ) {
    throw new RangeError(
      "memcached increment: expiresSeconds must be an integer from 0 to " +
        `${MAX_RELATIVE_EXPIRY_SECONDS}, not ${expires}`,
    );
  }
}
