import "server-only";
import type { Socket } from "node:net";

import memjs from "memjs";

import { logger } from "@/lib/log/logger";
import { formatServer, type ServerAddress } from "@/lib/memcached/server-list";

export type NodeOptions = {
  username?: string;
  password?: string;
  timeoutMs: number;
  /** How long a node that failed is passed over before it is tried again. */
  downForMs: number;
};

export type CounterOptions = {
  /** What a missing counter is created holding; `by` is not added to it. */
  initial: number;
  /** Set only on creation, never extended by increments; 0 means none. */
  expiresSeconds: number;
};

export type NodeStats =
  { ok: true; latencyMs: number; items: number } | { ok: false; error: string };

export type NodeClient = ReturnType<typeof createNodeClient>;

/**
 * One memcached node, every call under its own deadline. memjs can wait
 * forever when memcached closes the socket in the middle of a request
 * (https://github.com/memcachier/memjs/issues/162), so on a missed deadline
 * the socket is torn down and the next call reconnects from scratch. A node
 * that fails is marked down for `downForMs`, so a cluster can read and write
 * its other replica instead of waiting on it for every request.
 */
export function createNodeClient(address: ServerAddress, options: NodeOptions) {
  const name = formatServer(address);
  const server = new memjs.Server(
    address.host,
    address.port,
    options.username,
    options.password,
    { timeout: options.timeoutMs / 1000, keepAlive: true },
  );
  sendTogetherEachTurn(server);
  const client = new memjs.Client([server], {
    failover: false,
    retries: 2,
    retry_delay: 0.05,
    logger: { log: () => {} },
  });
  let downUntil = 0;

  /**
   * Runs one memjs call under the deadline. The call's promise and the
   * deadline settle one promise between them, whichever comes first; a
   * late answer after the deadline changes nothing.
   */
  function call<T>(op: string, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (!isProtocolAnswer(error)) markDown(op, error);
        reject(error);
      };
      const timer = setTimeout(() => {
        const error = new Error(
          `memcached ${op} on ${name} timed out after ${options.timeoutMs} ms`,
        );
        server.error(error);
        fail(error);
      }, options.timeoutMs);

      work().then((result) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (downUntil !== 0) {
          downUntil = 0;
          logger.info("memcached node answers again", { node: name });
        }
        resolve(result);
      }, fail);
    });
  }

  function markDown(op: string, error: unknown) {
    if (Date.now() >= downUntil) {
      logger.warn("memcached node failed; passing it over for a moment", {
        node: name,
        op,
        forMs: options.downForMs,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    downUntil = Date.now() + options.downForMs;
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
    name,
    /** False while the node is passed over after a failure. */
    isUsable: () => Date.now() >= downUntil,
    get: (key: string) =>
      call("get", async () => (await client.get(key)).value),
    set: (key: string, value: Buffer, ttlSeconds: number) =>
      call("set", async () => {
        await client.set(key, value, { expires: ttlSeconds });
      }),
    delete: (key: string) =>
      call("delete", async () => {
        await client.delete(key);
      }),
    increment: (key: string, by: number, counter: CounterOptions) =>
      call("increment", () => createOrIncrement(key, by, counter)),
    stats: () => nodeStats(client, options.timeoutMs),
    close: () => client.close(),
  };
}

/**
 * memjs writes each request to the socket by itself, a system call apiece,
 * which under load costs more CPU than anything else it does. Requests made
 * in the same turn of the event loop are held (cork) and written together
 * when the turn ends (uncork): a lone request waits for nothing, and many at
 * once share one write. Every socket memjs writes to passes through `sock`,
 * so wrapping it covers requests, reconnections and SASL alike.
 */
function sendTogetherEachTurn(server: memjs.Server): void {
  const sock = server.sock.bind(server);
  let held: Socket | null = null;
  const release = () => {
    held?.uncork();
    held = null;
  };
  server.sock = (sasl, go) =>
    sock(sasl, (socket) => {
      if (held !== socket) {
        release();
        socket.cork();
        held = socket;
        process.nextTick(release);
      }
      go(socket);
    });
}

/**
 * memjs reports protocol statuses only through the error's message. Such an
 * answer proves the node is up, so it does not mark the node down.
 */
function isProtocolAnswer(error: unknown): boolean {
  return (
    error instanceof Error &&
    /Item not stored|Incr\/Decr on non-numeric value/.test(error.message)
  );
}

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

function nodeStats(
  client: memjs.Client,
  timeoutMs: number,
): Promise<NodeStats> {
  const started = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, error: "no answer in time" }),
      timeoutMs,
    );
    client.stats((error, server, stats) => {
      if (!server) return;
      clearTimeout(timer);
      resolve(
        error || !stats
          ? { ok: false, error: error?.message ?? "no stats" }
          : {
              ok: true,
              latencyMs: Math.round(performance.now() - started),
              items: Number(stats.curr_items ?? 0),
            },
      );
    });
  });
}
