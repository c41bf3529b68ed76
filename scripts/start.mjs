// `npm start`: installs what is missing, starts a local memcached unless
// MEMCACHED_SERVERS names one, builds when the sources changed, and serves
// http://localhost:3000. Ctrl-C stops the app and the memcached it started.
// The production server is scripts/serve.mjs, which tells the app each
// request's real address (decision 015). With --dev it runs `next dev`.
import { spawn } from "node:child_process";
import path from "node:path";

import { buildIfNeeded } from "./build-if-needed.mjs";
import {
  ensureDependencies,
  ensureMemcached,
  fail,
  root,
  say,
} from "./prerequisites.mjs";
import { supervise } from "./supervisor.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

async function main() {
  ensureDependencies();
  const { freePort, portIsFree, startMemcached } =
    await import("./memcached.mjs");

  if (!(await portIsFree(port))) {
    fail(
      `Port ${port} is already in use. Stop whatever uses it, or run PORT=3001 npm start.`,
    );
  }

  // Built before anything is started, so a failed build leaves nothing running.
  if (!dev) buildIfNeeded();

  const env = { ...process.env };
  if (!env.MEMCACHED_SERVERS) {
    ensureMemcached();
    const memcachedPort = (await portIsFree(11211)) ? 11211 : await freePort();
    say(`Starting memcached on 127.0.0.1:${memcachedPort}…`);
    const memcached = await startMemcached(memcachedPort).catch((error) =>
      fail(`memcached did not start: ${error.message}`),
    );
    supervise(memcached, "memcached");
    env.MEMCACHED_SERVERS = `127.0.0.1:${memcachedPort}`;
  }

  const serve = path.join(root, "scripts", "serve.mjs");
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const app = spawn(
    process.execPath,
    dev ? [next, "dev", "-p", String(port)] : [serve, "--port", String(port)],
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  );
  supervise(app, "the app");
  say(`certdrill is starting at http://localhost:${port} (Ctrl-C stops it)`);
}

await main();
