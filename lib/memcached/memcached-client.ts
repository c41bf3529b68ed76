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

export type Memcached = {
  get(key: string): Promise<Buffer | null>;
  set(key: string, value: Buffer, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  health(): Promise<NodeHealth[]>;
  close(): void;
};

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
    health: () => nodeHealth(client, options.timeoutMs),
    close: () => client.close(),
  };
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
