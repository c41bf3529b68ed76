import "server-only";

export type ServerAddress = { host: string; port: number };

type ParseResult =
  { ok: true; servers: ServerAddress[] } | { ok: false; message: string };

const HOST = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)$/;

/**
 * Parses the comma-separated `host:port` list that ElastiCache node endpoints
 * come in, for example `a.cache.amazonaws.com:11211,b.cache.amazonaws.com:11211`.
 */
export function parseServerList(value: string): ParseResult {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    return { ok: false, message: "expected at least one host:port" };
  }

  const servers: ServerAddress[] = [];
  for (const entry of entries) {
    const colon = entry.lastIndexOf(":");
    const host = colon > 0 ? entry.slice(0, colon) : "";
    const port = Number(entry.slice(colon + 1));
    if (
      !HOST.test(host) ||
      !Number.isInteger(port) ||
      port < 1 ||
      port > 65535
    ) {
      return {
        ok: false,
        message: `"${entry}" is not host:port (for example 127.0.0.1:11211)`,
      };
    }
    servers.push({ host, port });
  }
  return { ok: true, servers };
}

export function formatServer({ host, port }: ServerAddress): string {
  return `${host}:${port}`;
}
