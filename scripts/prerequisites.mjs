// Installs what `npm start` and `npm test` need and a fresh machine lacks.
// Plain Node with no dependencies: it runs before node_modules exists.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

// This machine has no way out to Next.js's telemetry endpoint.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

export function say(message) {
  process.stdout.write(`\x1b[36m›\x1b[0m ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\x1b[31m✗\x1b[0m ${message}\n`);
  process.exit(1);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    ...options,
  });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function onPath(command) {
  return (
    spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" })
      .status === 0
  );
}

/** npm ci when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const lock = path.join(root, "package-lock.json");
  const installed = path.join(root, "node_modules", ".package-lock.json");
  const native = path.join(
    root,
    "node_modules/better-sqlite3/build/Release/better_sqlite3.node",
  );
  const fresh =
    existsSync(installed) &&
    statSync(installed).mtimeMs >= statSync(lock).mtimeMs &&
    existsSync(native);
  if (fresh) return;

  say(
    "Installing dependencies (npm ci; better-sqlite3 compiles, about 2 minutes)…",
  );
  if (run("npm", ["ci", "--no-audit", "--no-fund"]) !== 0) {
    fail("npm ci failed; see the messages above.");
  }
}

let aptUpdated = false;

/** Installs a Debian package when its command is missing, if we may. */
export function ensureDebianPackage(pkg, command, why) {
  if (onPath(command)) return;

  if (process.getuid?.() !== 0 || !onPath("apt-get")) {
    fail(
      `${command} is missing (${why}): install it with "sudo apt-get install -y ${pkg}".`,
    );
  }
  say(`Installing ${pkg} (${why})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated && run("apt-get", ["update", "-qq"], { env }) !== 0) {
    fail("apt-get update failed; see the messages above.");
  }
  aptUpdated = true;
  if (run("apt-get", ["install", "-y", "-qq", pkg], { env }) !== 0) {
    fail(`apt-get install ${pkg} failed; see the messages above.`);
  }
}

export function ensureMemcached() {
  ensureDebianPackage("memcached", "memcached", "the session store");
}

export function ensureChromium() {
  ensureDebianPackage("chromium", "chromium", "the browser tests");
}
