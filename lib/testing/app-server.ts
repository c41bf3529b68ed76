import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { freePort, waitForPort } from "@/scripts/memcached.mjs";

export type AppServer = {
  url: string;
  port: number;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
  /** Ends it at once, as a crash would. */
  kill(): Promise<void>;
};

/**
 * One production server, started as `npm start` starts it (scripts/serve.mjs
 * in front of Next.js); run `next build` first.
 */
export async function startAppServer(
  env: Record<string, string>,
): Promise<AppServer> {
  const port: number = await freePort();
  const serve = path.join(process.cwd(), "scripts", "serve.mjs");
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [serve, "--port", String(port)],
    {
      env: { ...process.env, NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  async function end(signal: NodeJS.Signals) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  }

  await waitForPort(port, 30_000);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    output: () => output,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}
