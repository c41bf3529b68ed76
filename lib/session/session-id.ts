import "server-only";
import { hash, randomBytes } from "node:crypto";

import { z } from "zod";

/** 256 random bits, base64url: the only thing the browser holds. */
export const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The memcached key for a session id. Hashing means a dump of the cache holds
 * no usable cookie values, and logs can name a key prefix safely.
 */
export function sessionKey(id: string): string {
  return sessionKeyOfHash(sessionHash(id));
}

/** The memcached key for a session SQL knows only by its hash. */
export function sessionKeyOfHash(hash: string): string {
  return `sess:${hash}`;
}

/** The name SQL knows a session by: never the id itself. */
export function sessionHash(id: string): string {
  return hash("sha256", id, "hex");
}

export function keyPrefix(key: string): string {
  return key.slice(0, 13);
}
