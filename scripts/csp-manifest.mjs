// Runs after `next build`. Hashes the inline scripts of every prerendered HTML
// page into .next/csp-manifest.json, then has Next evaluate next.config.ts's
// headers() again, now that the manifest exists, and writes the result into
// .next/routes-manifest.json: `next start` serves the headers that file lists
// and never calls headers() itself. See
// docs/decisions/009-content-security-policy.md.
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// next.config.ts finds .next from the working directory, as `next` does.
process.chdir(root);
const distDir = path.join(root, ".next");
const appDir = path.join(distDir, "server", "app");
// next.config.ts reads the manifest from the same place.
const manifestFile = path.join(distDir, "csp-manifest.json");
const routesManifestFile = path.join(distDir, "routes-manifest.json");

// Elements whose content the HTML parser reads as text up to the closing tag,
// so a "<script" inside them is not an element.
const TEXT_ONLY = new Set([
  "script",
  "style",
  "textarea",
  "title",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
]);

function fail(message) {
  process.stderr.write(`csp-manifest: ${message}\n`);
  process.exit(1);
}

/** Index just past the ">" that ends the start tag whose name ends at `from`. */
function endOfStartTag(html, from) {
  let afterEquals = false;
  for (let i = from; i < html.length; i += 1) {
    const c = html[i];
    if (c === ">") return i + 1;
    if ((c === '"' || c === "'") && afterEquals) {
      const close = html.indexOf(c, i + 1);
      if (close === -1) return html.length;
      i = close;
    }
    if (c === "=") afterEquals = true;
    else if (!/\s/.test(c)) afterEquals = false;
  }
  return html.length;
}

function hasSrc(attributes) {
  const names = attributes.replace(/"[^"]*"|'[^']*'/g, "");
  return /(?:^|\s)src(?=[\s=/]|$)/i.test(names);
}

/** The text of every <script> without src, as the browser's parser sees it. */
function inlineScripts(html) {
  const scripts = [];
  let i = 0;
  while ((i = html.indexOf("<", i)) !== -1) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(i, i + 100));
    if (!tag) {
      i += 1;
      continue;
    }
    const name = tag[1].toLowerCase();
    const contentStart = endOfStartTag(html, i + tag[0].length);
    if (!TEXT_ONLY.has(name)) {
      i = contentStart;
      continue;
    }
    const closing = new RegExp(`</${name}[\\s/>]`, "ig");
    closing.lastIndex = contentStart;
    const contentEnd = closing.exec(html)?.index ?? html.length;
    const attributes = html.slice(i + tag[0].length, contentStart - 1);
    if (name === "script" && !hasSrc(attributes)) {
      // The parser turns CR LF and lone CR into LF before anything else, and
      // the browser hashes what it parsed.
      scripts.push(
        html.slice(contentStart, contentEnd).replace(/\r\n?/g, "\n"),
      );
    }
    i = contentEnd;
  }
  return scripts;
}

function sha256Source(text) {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(file);
    return entry.name.endsWith(".html") ? [file] : [];
  });
}

/** Next writes the page for `/a/b` to a/b.html, and `/` to index.html. */
function routeOf(file) {
  const name = path.relative(appDir, file).slice(0, -".html".length);
  return name === "index" ? "/" : `/${name.split(path.sep).join("/")}`;
}

function writeCspManifest() {
  const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const pages = {};
  for (const file of htmlFiles(appDir).sort()) {
    const hashes = inlineScripts(readFileSync(file, "utf8")).map(sha256Source);
    pages[routeOf(file)] = [...new Set(hashes)];
  }
  const text = `${JSON.stringify({ buildId, pages }, null, 2)}\n`;
  writeFileSync(manifestFile, text);
  return { pages, bytes: Buffer.byteLength(text) };
}

/** Re-evaluates next.config.ts's headers() with Next's own loaders. */
async function applyToRoutesManifest() {
  // Next's loaders are CommonJS inside the package, not public exports.
  const require = createRequire(path.join(root, "package.json"));
  const { default: loadConfig } = require("next/dist/server/config");
  const {
    default: loadCustomRoutes,
  } = require("next/dist/lib/load-custom-routes");
  const { buildCustomRoute } = require("next/dist/lib/build-custom-route");
  const { PHASE_PRODUCTION_SERVER } = require("next/constants");

  const config = await loadConfig(PHASE_PRODUCTION_SERVER, root);
  const { headers } = await loadCustomRoutes(config);
  const routesManifest = JSON.parse(readFileSync(routesManifestFile, "utf8"));
  // Next adds a few header routes of its own during the build; keep them.
  const internal = routesManifest.headers.filter((route) => route.internal);
  routesManifest.headers = [
    ...headers
      .filter((route) => !route.internal)
      .map((route) => buildCustomRoute("header", route)),
    ...internal,
  ];
  writeFileSync(routesManifestFile, JSON.stringify(routesManifest, null, 2));
  return routesManifest.headers;
}

/** The CSP `next start` will send for `route`: the last match wins. */
function policyFor(route, headerRoutes) {
  let policy;
  for (const { regex, headers } of headerRoutes) {
    if (!new RegExp(regex, "i").test(route)) continue;
    for (const { key, value } of headers) {
      if (key.toLowerCase() === "content-security-policy") policy = value;
    }
  }
  return policy;
}

async function main() {
  let written;
  try {
    written = writeCspManifest();
  } catch (error) {
    fail(`cannot read the build output (run \`next build\` first): ${error}`);
  }
  const headerRoutes = await applyToRoutesManifest();

  // Check what the server will do, so a mismatch fails the build instead of
  // breaking pages in the browser. The error pages have no route of their
  // own, so /:path* is what they get.
  for (const route of Object.keys(written.pages)) {
    const policy = policyFor(route, headerRoutes) ?? "";
    const missing = written.pages[route].filter((h) => !policy.includes(h));
    if (missing.length > 0) {
      fail(`${route} would be served without ${missing.length} of its hashes`);
    }
  }
  // Next compiles a header value holding a colon as a template on every
  // request it matches (decision 009), so none may hold one.
  for (const { source, headers } of headerRoutes) {
    for (const { key, value } of headers) {
      if (value.includes(":")) {
        fail(
          `${key} for ${source} holds a colon, which Next would compile on ` +
            "every request: write the value without one",
        );
      }
    }
  }
  // A standalone build (docs/deploy-aws.md) serves from its own copy of
  // .next, made during the build, before the hashes existed.
  const standalone = path.join(distDir, "standalone", ".next");
  if (existsSync(standalone)) {
    for (const file of [manifestFile, routesManifestFile]) {
      copyFileSync(file, path.join(standalone, path.basename(file)));
    }
  }
  const hashes = new Set(Object.values(written.pages).flat());
  process.stdout.write(
    `csp-manifest: ${Object.keys(written.pages).length} HTML pages, ` +
      `${hashes.size} distinct inline-script hashes, ` +
      `${(written.bytes / 1024).toFixed(1)} kB in ` +
      `${path.relative(root, manifestFile)}; ` +
      `${headerRoutes.length} header routes in ` +
      `${path.relative(root, routesManifestFile)}\n`,
  );
}

await main();
