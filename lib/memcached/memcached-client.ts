import "server-only";
import memjs from "memjs";

import { AppError } from "@/lib/errors/app-error";
import { formatServer, type ServerAddress } from "@/lib/memcached/server-list";

export type MemcachedOptions = {
  servers: ServerAddress[];
  username?: string;
  password?: string;
  timeoutMs: number;
};

export type NodeHealth =
  | { server: string; ok: true; latencyMs: number; items: number }
  | { server: string; ok: false; error: string };

export type CounterOptions = {
  /** What a missing counter is created holding; `by` is not added to it. */
  initial: number;
  /** Set only on creation, never extended by increments; 0 means none. */
  expiresSeconds: number;
};

export type Memcached = {
  get(key: string): Promise<Buffer | null>;
  set(key: string, value: Buffer, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Adds `by` to a counter, creating it when missing; the new value. An
   * increment that times out, or that memjs resends after a socket error,
   * may still have counted, so counts err high, never low.
   */
  increment(key: string, by: number, options: CounterOptions): Promise<number>;
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
 * A memjs client in which every call has its own deadline. memjs can wait
 * forever when memcached closes the socket in the middle of a request
 * (https://github.com/memcachier/memjs/issues/162), so on a missed deadline
 * the node's socket is torn down: the next call reconnects from scratch.
 * `failover` stays off because it would serve keys from a node that is not
 * their home and bring stale or revoked sessions back.
 */
export function createMemcached(options: MemcachedOptions): Memcached {
  const serverOptions = { timeout: options.timeoutMs / 1000, keepAlive: true };
  const client = new memjs.Client(
    options.servers.map(
      ({ host, port }) =>
        new memjs.Server(
          host,
          port,
          options.username,
          options.password,
          serverOptions,
        ),
    ),
    {
      failover: false,
      retries: 2,
      retry_delay: 0.05,
      logger: { log: () => {} },
    },
  );
  // TODO(#7): place keys by consistent hashing; memjs uses hash % n.

  async function call<T>(
    op: string,
    key: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const node = client.server(key);
    const server = node ? `${node.host}:${node.port}` : "none";
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new Error(
          `memcached ${op} timed out after ${options.timeoutMs} ms`,
        );
        node?.error(error);
        reject(error);
      }, options.timeoutMs);
    });

    try {
      return await Promise.race([work(), deadline]);
    } catch (cause) {
      throw new AppError(
        "SESSION_STORE_UNAVAILABLE",
        UNAVAILABLE,
        { server, op },
        { cause },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Memcached creates a missing counter with an add, so when two clients
   * find it missing at once the loser is told "not stored" though the
   * counter now exists. One more increment then lands on the winner's
   * counter; a second failure is a real one.
   */
  async function createOrIncrement(
    key: string,
    by: number,
    counter: CounterOptions,
  ): Promise<number> {
    const request = {
      initial: counter.initial,
      expires: counter.expiresSeconds,
    };
    try {
      return counterValue(await client.increment(key, by, request));
    } catch (error) {
      if (!lostCreateRace(error)) throw error;
      return counterValue(await client.increment(key, by, request));
    }
  }

  return {
    get: (key) => call("get", key, async () => (await client.get(key)).value),
    set: (key, value, ttlSeconds) =>
      call("set", key, async () => {
        await client.set(key, value, { expires: ttlSeconds });
      }),
    delete: (key) =>
      call("delete", key, async () => {
        await client.delete(key);
      }),
    increment: (key, by, counter) => {
      checkCounterArguments(by, counter);
      return call("increment", key, () => createOrIncrement(key, by, counter));
    },
    health: () => nodeHealth(client, options.timeoutMs),
    close: () => client.close(),
  };
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

/** memjs reports protocol statuses only through the error's message. */
function lostCreateRace(error: unknown): boolean {
  return error instanceof Error && error.message.endsWith("Item not stored");
}

function counterValue(result: {
  success: boolean;
  value?: number | null;
}): number {
  if (!result.success || typeof result.value !== "number") {
    throw new Error("memcached increment answered without a value");
  }
  return result.value;
}

function nodeHealth(
  client: memjs.Client,
  timeoutMs: number,
): Promise<NodeHealth[]> {
  const started = performance.now();
  const results = new Map<string, NodeHealth>();

  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      resolve(
        client.servers.map((node) => {
          const server = formatServer(node);
          return (
            results.get(server) ?? {
              server,
              ok: false,
              error: "no answer in time",
            }
          );
        }),
      );
    };
    const timer = setTimeout(finish, timeoutMs);

    client.stats((error, server, stats) => {
      if (!server) return;
      results.set(
        server,
        error || !stats
          ? { server, ok: false, error: error?.message ?? "no stats" }
          : {
              server,
              ok: true,
              latencyMs: Math.round(performance.now() - started),
              items: Number(stats.curr_items ?? 0),
            },
      );
      if (results.size === client.servers.length) finish();
    });
  });
}
