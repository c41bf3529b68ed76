// `npm test`: installs what is missing (dependencies, memcached, Chromium),
// then runs every check in order and stops at the first that fails.
import {
  ensureChromium,
  ensureDebianPackage,
  ensureDependencies,
  ensureMemcached,
  fail,
  run,
  say,
} from "./prerequisites.mjs";

ensureDependencies();
ensureMemcached();
ensureChromium();
ensureDebianPackage("nginx", "nginx", "the load balancer of npm run cluster");

const steps = [
  ["lint", ["npx", "eslint", "--max-warnings", "0", "."]],
  ["format check", ["npx", "prettier", "--check", "."]],
  ["content check", ["npm", "run", "--silent", "content:check"]],
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["unit tests", ["npx", "vitest", "run", "--project", "unit"]],
  ["production build", ["npx", "next", "build"]],
  ["CSP hashes", ["node", "scripts/csp-manifest.mjs"]],
  ["integration tests", ["npx", "vitest", "run", "--project", "integration"]],
  [
    "PostgreSQL data-layer and integration tests",
    ["node", "scripts/test-postgres.mjs"],
  ],
  ["browser tests", ["npx", "playwright", "test"]],
];

const timings = [];
for (const [name, [command, ...args]] of steps) {
  say(`${name}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const status = run(command, args);
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) fail(`${name} failed (exit code ${status}).`);
}
say(`All checks passed: ${timings.join(", ")}`);
