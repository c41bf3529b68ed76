// `npm start`: installs what is missing, starts a local memcached unless
// MEMCACHED_SERVERS names one, builds when the sources changed, and serves
// http://localhost:3000. Ctrl-C stops the app and the memcached it started.
// With --dev it runs `next dev` instead of a production build.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import {
  ensureDependencies,
  ensureMemcached,
  fail,
  root,
  run,
  say,
} from "./prerequisites.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const children = [];

function newestSource() {
  const inputs = ["app", "components", "content", "lib", "public"];
  const files = [
    "package-lock.json",
    "next.config.ts",
    "tsconfig.json",
    "postcss.config.mjs",
  ];
  let newest = 0;
  const visit = (entry) => {
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) visit(path.join(entry, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of [...inputs, ...files].map((p) => path.join(root, p))) {
    if (existsSync(entry)) visit(entry);
  }
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  // The CSP hashes are written after the build; a build whose hashing step
  // never finished would serve pages whose scripts are all refused.
  const hashes = path.join(root, ".next", "csp-manifest.json");
  const built = existsSync(buildId) && existsSync(hashes);
  if (
    built &&
    statSync(buildId).mtimeMs >= newestSource() &&
    statSync(hashes).mtimeMs >= statSync(buildId).mtimeMs
  )
    return;

  say("Building the app (next build)…");
  if (
    run("npx", ["next", "build"]) !== 0 ||
    run(process.execPath, ["scripts/csp-manifest.mjs"]) !== 0
  )
    fail("The build failed; see the messages above.");
}

let stopping = false;

/** Stops every child, waits until each has exited, then exits with `code`. */
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const running = children.filter(
    (c) => c.exitCode === null && c.signalCode === null,
  );
  await Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => {
            clearTimeout(force);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  process.exit(code);
}

async function main() {
  ensureDependencies();
  const { freePort, portIsFree, startMemcached } =
    await import("./memcached.mjs");

  if (!(await portIsFree(port))) {
    fail(
      `Port ${port} is already in use. Stop whatever uses it, or run PORT=3001 npm start.`,
    );
  }

  const env = { ...process.env };
  if (!env.MEMCACHED_SERVERS) {
    ensureMemcached();
    const memcachedPort = (await portIsFree(11211)) ? 11211 : await freePort();
    say(`Starting memcached on 127.0.0.1:${memcachedPort}…`);
    const memcached = await startMemcached(memcachedPort).catch((error) =>
      fail(`memcached did not start: ${error.message}`),
    );
    children.push(memcached);
    env.MEMCACHED_SERVERS = `127.0.0.1:${memcachedPort}`;
  }

  if (!dev) buildIfNeeded();

  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const app = spawn(
    process.execPath,
    [next, dev ? "dev" : "start", "-p", String(port)],
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  );
  children.push(app);
  say(`certdrill is starting at http://localhost:${port} (Ctrl-C stops it)`);

  for (const child of children) {
    child.once("exit", (code) => {
      if (stopping) return;
      process.stderr.write(
        `${child.spawnfile} stopped (exit code ${code}); stopping the rest.\n`,
      );
      void stopAll(code ?? 1);
    });
  }
}

process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));
await main();
