import type { ChildProcess } from "node:child_process";
import { connect } from "node:net";

import { freePort, startMemcached } from "@/scripts/memcached.mjs";

export type MemcachedServer = {
  port: number;
  address: string;
  /** Stops it at once, as a crash would. */
  kill(): Promise<void>;
  /** Starts a fresh, empty memcached on the same port. */
  restart(): Promise<void>;
  /** Freezes it with its data, as a network partition would look. */
  pause(): void;
  resume(): void;
  /**
   * Drops every key without closing a connection: what the app sees when a
   * node has evicted everything (sessions, rate-limit counts).
   */
  flush(): Promise<void>;
};

/** A real memcached on a free loopback port, for one test file. */
export async function startMemcachedServer(): Promise<MemcachedServer> {
  const port: number = await freePort();
  let child: ChildProcess = await startMemcached(port);

  async function kill() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  return {
    port,
    address: `127.0.0.1:${port}`,
    kill,
    async restart() {
      await kill();
      child = await startMemcached(port);
    },
    pause: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
    flush: () => flushAll(port),
  };
}

/** Sends `flush_all` in memcached's text protocol and waits for its OK. */
function flushAll(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write("flush_all\r\n"),
    );
    let reply = "";
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (!reply.endsWith("\r\n")) return;
      socket.end();
      if (reply === "OK\r\n") resolve();
      else reject(new Error(`memcached answered flush_all with ${reply}`));
    });
    socket.on("error", reject);
  });
}
