import "server-only";

import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import type { Memcached } from "@/lib/memcached/memcached-client";
import { SessionSchema, type Session } from "@/lib/session/session-schema";
import {
  keyPrefix,
  sessionKey,
  sessionKeyOfHash,
} from "@/lib/session/session-id";

export type SessionStoreOptions = {
  /** The idle lifetime of a session, which may depend on who it is. */
  idleSeconds: number | ((session: Session) => number);
  maxBytes: number;
  /** A read refreshes the idle expiry only when the last refresh is older. */
  refreshAfterMs?: number;
  /**
   * Whether SQL still holds the session as live, asked after every write. A
   * request that loaded a session before it was revoked may write it back
   * after the revocation deleted it; revocation marks SQL before it deletes,
   * so asking after the write always sees the mark and the copy is deleted
   * again.
   */
  isLive?: (id: string) => Promise<boolean>;
  now?: () => number;
};

const ENDED =
  "This session was signed out, so nothing more was saved to it. Reload " +
  "the page to carry on.";

export type SessionStore = ReturnType<typeof createSessionStore>;

export function createSessionStore(
  memcached: Memcached,
  options: SessionStoreOptions,
) {
  const now = options.now ?? Date.now;
  const refreshAfterMs = options.refreshAfterMs ?? 60_000;

  /** Writes the session; false when it had been revoked, and is gone now. */
  async function saveIfLive(id: string, session: Session): Promise<boolean> {
    const key = sessionKey(id);
    const value = Buffer.from(JSON.stringify(session));
    if (value.byteLength > options.maxBytes) {
      throw new AppError(
        "SESSION_TOO_LARGE",
        `Your session would hold ${value.byteLength} bytes, more than the ` +
          `${options.maxBytes} allowed, so it was not saved. Nothing already ` +
          "recorded was lost.",
        { key: keyPrefix(key) },
      );
    }
    const idle =
      typeof options.idleSeconds === "function"
        ? options.idleSeconds(session)
        : options.idleSeconds;
    await memcached.set(key, value, idle);

    if (!options.isLive || (await options.isLive(id))) return true;
    await memcached.delete(key);
    logger.info("deleted a revoked session written back by a late request", {
      key: keyPrefix(key),
    });
    return false;
  }

  /** Writes the session, refusing with 401 when it had been revoked. */
  async function save(id: string, session: Session): Promise<void> {
    if (!(await saveIfLive(id, session))) {
      throw new AppError("SESSION_REQUIRED", ENDED);
    }
  }

  /**
   * The session behind an id, or null when it has expired or never existed.
   * Sliding expiry: a read past the refresh interval writes the session back
   * with a fresh idle lifetime; other reads cost one round trip.
   */
  async function load(id: string): Promise<Session | null> {
    const key = sessionKey(id);
    const value = await memcached.get(key);
    if (!value) return null;

    const parsed = SessionSchema.safeParse(safeJson(value.toString("utf8")));
    if (!parsed.success) {
      logger.warn("discarding a session that does not match its schema", {
        key: keyPrefix(key),
        issues: parsed.error.issues.length,
      });
      await memcached.delete(key);
      return null;
    }

    const session = parsed.data;
    if (now() - session.refreshedAt >= refreshAfterMs) {
      session.refreshedAt = now();
      if (!(await saveIfLive(id, session))) return null;
    }
    return session;
  }

  return {
    load,
    save,
    saveIfLive,
    destroy: (id: string) => memcached.delete(sessionKey(id)),
    /** For revocation, where SQL knows only the hash of the id. */
    destroyByHash: (hash: string) => memcached.delete(sessionKeyOfHash(hash)),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
