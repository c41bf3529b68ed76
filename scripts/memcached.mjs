// Starts a throwaway memcached on loopback, for `npm start` and the tests.
import { spawn } from "node:child_process";
import net from "node:net";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function waitForPort(port, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => socket.end(() => resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`,
  );
}

/**
 * A memcached child bound to 127.0.0.1. As root, memcached refuses to start
 * without a user to run as, hence `-u root`.
 */
export async function startMemcached(port) {
  const args = ["-l", "127.0.0.1", "-p", String(port), "-U", "0", "-m", "64"];
  if (process.getuid?.() === 0) args.push("-u", "root");
  const child = spawn("memcached", args, {
    stdio: ["ignore", "inherit", "inherit"],
  });
  await Promise.race([
    waitForPort(port),
    new Promise((_, reject) =>
      child.once("exit", (code) =>
        reject(new Error(`memcached exited with code ${code}`)),
      ),
    ),
  ]);
  return child;
}
