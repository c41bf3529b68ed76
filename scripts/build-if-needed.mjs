// Builds the production app when its sources are newer than the last build,
// for `npm start` and `npm run cluster`.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { fail, root, run, say } from "./prerequisites.mjs";

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

export function buildIfNeeded() {
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
