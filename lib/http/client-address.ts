import "server-only";

import { getEnv } from "@/lib/env/env";

/**
 * The address a request came from, for rate limits. scripts/serve.mjs appends
 * the TCP peer to X-Forwarded-For, so the last entry is always the machine
 * that connected to us. Each proxy in front of us that we trust appended the
 * address it saw, so with TRUSTED_PROXY_HOPS of them the client is that many
 * entries further left. Anything left of that is what the client claimed and
 * is never used.
 */
export function clientAddress(headers: Headers): string {
  return addressFromForwardedFor(
    headers.get("x-forwarded-for"),
    getEnv().TRUSTED_PROXY_HOPS ?? 0,
  );
}

export function addressFromForwardedFor(
  header: string | null,
  trustedProxyHops: number,
): string {
  const entries = (header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than hops: the request skipped a proxy, and the leftmost
  // entry is still one a machine we trust wrote.
  return entries.at(-1 - trustedProxyHops) ?? entries[0] ?? "unknown";
}
