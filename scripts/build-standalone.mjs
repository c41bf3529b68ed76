// `npm run build:standalone`: the production build as one folder a server
// can run with `node server.js`, for docs/deploy-aws.md. Next's standalone
// output leaves out what it cannot trace: the static assets, public/, and
// content/, which the app reads at start-up; they are copied in here.
import { cpSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

import { fail, root, run, say } from "./prerequisites.mjs";

const out = path.join(root, ".next", "standalone");
rmSync(out, { recursive: true, force: true });
const env = { ...process.env, CERTDRILL_STANDALONE: "1" };
if (
  run("npm", ["run", "--silent", "content:check"]) !== 0 ||
  run("npx", ["next", "build"], { env }) !== 0 ||
  run(process.execPath, ["scripts/csp-manifest.mjs"]) !== 0
) {
  fail("The standalone build failed; see the messages above.");
}
for (const [from, to] of [
  [".next/static", ".next/static"],
  ["public", "public"],
  ["content", "content"],
]) {
  cpSync(path.join(root, from), path.join(out, to), { recursive: true });
}
// The file tracer follows the app's reads of data/ (this machine's database
// and sign-in secret) and of the migration folder, tests included; a
// deployment bundle must carry neither the one nor the other.
rmSync(path.join(out, "data"), { recursive: true, force: true });
for (const file of readdirSync(path.join(out, "lib"), { recursive: true })) {
  if (String(file).endsWith(".test.ts")) rmSync(path.join(out, "lib", file));
}
say(`Standalone build in ${path.relative(root, out)}: node server.js there.`);
