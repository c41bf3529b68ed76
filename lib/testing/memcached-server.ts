import type { ChildProcess } from "node:child_process";

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
  };
}
