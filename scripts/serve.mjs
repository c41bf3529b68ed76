// The HTTP server in front of Next.js for `npm start`, `npm run cluster`, the
// Playwright suite and the integration tests:
//
//   node scripts/serve.mjs --port 3000 [--hostname 127.0.0.1]
//
// It serves a production build (`next build` first); `npm run dev` runs
// `next dev` instead, where the per-address limits do not matter.
//
// Route handlers never see the TCP connection, so the only way the app can
// learn where a request came from is a header. `next start` fills in
// X-Forwarded-For only when the client sent none, which lets any client
// choose the address its sign-in attempts are counted under. Here the peer
// of the connection is appended to X-Forwarded-For, as a proxy would do, and
// X-Real-IP is dropped, before Next.js sees the request. The app then counts
// TRUSTED_PROXY_HOPS entries from the right (lib/http/client-address.ts).
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    hostname: { type: "string" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`serve: --port must be a port number, not ${port}\n`);
  process.exit(1);
}

// As `next start` does; React picks its build when first loaded.
process.env.NODE_ENV ||= "production";
// Tells the app at start-up that the header above can be trusted.
process.env.CERTDRILL_SERVER = "scripts/serve.mjs";

/** The connection's peer, without the prefix of an IPv4-mapped address. */
function peerOf(socket) {
  return (socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
}

/** Appends the peer the way a proxy does, and drops what only a proxy sets. */
function recordPeer(request) {
  const peer = peerOf(request.socket);
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded
    ? `${forwarded}, ${peer}`
    : peer;
  delete request.headers["x-real-ip"];
}

const { default: next } = await import("next");
const app = next({
  dev: false,
  dir: root,
  hostname: values.hostname ?? "localhost",
  port,
});
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  recordPeer(request);
  void handle(request, response);
});
server.listen(port, values.hostname);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Open keep-alive connections would hold close() for minutes.
  server.close();
  server.closeIdleConnections();
  const forced = setTimeout(() => process.exit(0), 5_000);
  forced.unref();
  await app.close();
  process.exit(0);
}
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
