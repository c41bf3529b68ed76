import "server-only";
import { createHash } from "node:crypto";

import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import type { Memcached } from "@/lib/memcached/memcached-client";

export type RateLimitRule = {
  /** Names the counters in memcached: lowercase letters, digits, hyphens. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** What is counted, as the refusal names it, e.g. "sign-in attempts". */
  attempts?: string;
};

export type RateLimitVerdict =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  hit(rule: RateLimitRule, keys: string[]): Promise<RateLimitVerdict>;
  /** Drops the current window's counts, e.g. an account's once it signs in. */
  reset(rule: RateLimitRule, keys: string[]): Promise<void>;
};

export type RateLimiterOptions = {
  now?: () => number;
  /** Refuse with a 503 while memcached cannot be reached; see below. */
  failClosed?: boolean;
};

/*
 * The limits. NIST SP 800-63B caps consecutive failed attempts on one account
 * at 100; we allow far fewer per window, since a person who forgot a password
 * rarely needs more than a handful of tries before using a reset link. These
 * are fixed windows, so they bound the rate, not the total: a patient attacker
 * gets 5 guesses per account every 15 minutes (480 a day), and up to twice a
 * limit in a burst that straddles a window boundary. A lifetime cap on
 * consecutive failures would need a count memcached cannot evict, in the
 * database.
 */

/**
 * Counted on the email as typed, whether or not an account has it, so that a
 * refusal says nothing about which emails are registered.
 */
export const SIGN_IN_PER_ACCOUNT: RateLimitRule = {
  name: "signin-account",
  limit: 5,
  windowSeconds: 15 * 60,
  attempts: "sign-in attempts",
};

/**
 * Slows one address spraying common passwords over many accounts, while
 * leaving room for a classroom or office behind one NAT address.
 */
export const SIGN_IN_PER_ADDRESS: RateLimitRule = {
  name: "signin-address",
  limit: 30,
  windowSeconds: 15 * 60,
  attempts: "sign-in attempts",
};

/** A person signs up once; a script signing up hundreds is the concern. */
export const SIGN_UP_PER_ADDRESS: RateLimitRule = {
  name: "signup-address",
  limit: 5,
  windowSeconds: 60 * 60,
  attempts: "sign-up attempts",
};

/**
 * Counted on the email once the password passes the policy: a refusal that
 * says an account exists tells who has one, so one email cannot be asked
 * about over and over, from however many addresses.
 */
export const SIGN_UP_PER_EMAIL: RateLimitRule = {
  name: "signup-email",
  limit: 3,
  windowSeconds: 60 * 60,
  attempts: "sign-up attempts",
};

/**
 * The password change form checks the current password, so whoever holds a
 * signed-in browser could guess it there: as slow as guessing at sign-in.
 */
export const PASSWORD_CHANGE_PER_ACCOUNT: RateLimitRule = {
  name: "password-change-account",
  limit: 5,
  windowSeconds: 15 * 60,
  attempts: "password change attempts",
};

/*
 * Counters outlive their window by a little, so an app instance whose clock
 * runs a few seconds behind still finds the count of the window it is in.
 */
const EXPIRY_SLACK_SECONDS = 10;
const MAX_WINDOW_SECONDS = 30 * 24 * 60 * 60 - EXPIRY_SLACK_SECONDS;
const RULE_NAME = /^[a-z0-9-]{1,40}$/;
/** Keeps the hashes from matching a generic table of hashed emails. */
const HASH_CONTEXT = "certdrill rate limit v1";

const CANNOT_COUNT =
  "This was refused because attempts cannot be counted right now, which " +
  "keeps accounts safe from guessing. Try again in a moment.";

/**
 * A limiter over fixed windows whose counters live in memcached, so every app
 * instance shares them. A hit adds one to each key's counter and is refused
 * when any of them has gone past the rule's limit.
 *
 * While memcached cannot be reached the limiter fails open by default: it
 * allows the attempt and logs a warning. Keys are spread over the nodes, so
 * losing one node would otherwise lock out a slice of accounts while the rest
 * of the site works, and argon2 already makes every guess slow. The cost is
 * that guessing is unthrottled during an outage; `failClosed` trades
 * availability back for that, refusing with SESSION_STORE_UNAVAILABLE (503),
 * the code the app already maps to "memcached is down, try again soon".
 */
export function createRateLimiter(
  memcached: Memcached,
  options: RateLimiterOptions = {},
): RateLimiter {
  const now = options.now ?? Date.now;

  function storeDown(rule: RateLimitRule, error: unknown): RateLimitVerdict {
    if (!isStoreOutage(error)) throw error;
    logger.warn(
      options.failClosed
        ? "refusing an attempt: its rate limit cannot be checked"
        : "allowing an attempt unchecked: its rate limit cannot be checked",
      { rule: rule.name, server: error.details.server, error },
    );
    if (options.failClosed) {
      throw new AppError(
        "SESSION_STORE_UNAVAILABLE",
        CANNOT_COUNT,
        { rule: rule.name },
        { cause: error },
      );
    }
    return { allowed: true, remaining: rule.limit };
  }

  async function hit(
    rule: RateLimitRule,
    keys: string[],
  ): Promise<RateLimitVerdict> {
    const window = currentWindow(rule, now());
    const counter = {
      initial: 1,
      expiresSeconds: window.secondsLeft + EXPIRY_SLACK_SECONDS,
    };
    let counts: number[];
    try {
      counts = await Promise.all(
        counterKeys(rule, window.index, keys).map((key) =>
          memcached.increment(key, 1, counter),
        ),
      );
    } catch (error) {
      return storeDown(rule, error);
    }
    const highest = Math.max(...counts);
    return highest > rule.limit
      ? { allowed: false, retryAfterSeconds: window.secondsLeft }
      : { allowed: true, remaining: rule.limit - highest };
  }

  /**
   * Never throws for an outage, in either mode: it runs after a sign-in has
   * succeeded, and a count left standing only costs a few tries.
   */
  async function reset(rule: RateLimitRule, keys: string[]): Promise<void> {
    const window = currentWindow(rule, now());
    try {
      await Promise.all(
        counterKeys(rule, window.index, keys).map((key) =>
          memcached.resetCounter(key),
        ),
      );
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      logger.warn("could not reset a rate limit", {
        rule: rule.name,
        server: error.details.server,
        error,
      });
    }
  }

  return { hit, reset };
}

/**
 * Counts the attempt and, when it is refused, throws RATE_LIMITED (429) with
 * the wait in whole minutes, rounded up, or in seconds when under a minute.
 */
export async function enforceRateLimit(
  limiter: RateLimiter,
  rule: RateLimitRule,
  keys: string[],
): Promise<void> {
  const verdict = await limiter.hit(rule, keys);
  if (verdict.allowed) return;
  throw new AppError(
    "RATE_LIMITED",
    `Too many ${rule.attempts ?? "attempts"}. ` +
      `Wait ${waitWords(verdict.retryAfterSeconds)} and try again.`,
    { retryAfterSeconds: verdict.retryAfterSeconds, rule: rule.name },
  );
}

function currentWindow(rule: RateLimitRule, nowMs: number) {
  checkRule(rule);
  const nowSeconds = nowMs / 1000;
  const index = Math.floor(nowSeconds / rule.windowSeconds);
  const endsAt = (index + 1) * rule.windowSeconds;
  return { index, secondsLeft: Math.max(1, Math.ceil(endsAt - nowSeconds)) };
}

function checkRule(rule: RateLimitRule): void {
  const sane =
    RULE_NAME.test(rule.name) &&
    Number.isInteger(rule.limit) &&
    rule.limit > 0 &&
    Number.isInteger(rule.windowSeconds) &&
    rule.windowSeconds > 0 &&
    rule.windowSeconds <= MAX_WINDOW_SECONDS;
  if (!sane) throw new RangeError(`unusable rate limit rule ${rule.name}`);
}

/**
 * Memcached keys that hold no email or address. Case and surrounding spaces
 * are dropped first, so "Ann@x.io " and "ann@x.io" share one count.
 */
function counterKeys(
  rule: RateLimitRule,
  windowIndex: number,
  keys: string[],
): string[] {
  if (keys.length === 0) {
    throw new RangeError(`rate limit ${rule.name} was given nothing to count`);
  }
  const hashed = keys.map((key) =>
    createHash("sha256")
      .update(`${HASH_CONTEXT}\n${key.trim().toLowerCase()}`)
      .digest("hex"),
  );
  return [...new Set(hashed)].map(
    (hash) => `rl:${rule.name}:${windowIndex}:${hash}`,
  );
}

function isStoreOutage(error: unknown): error is AppError {
  return (
    error instanceof AppError && error.code === "SESSION_STORE_UNAVAILABLE"
  );
}

function waitWords(seconds: number): string {
  if (seconds < 60) return plural(seconds, "second");
  return plural(Math.ceil(seconds / 60), "minute");
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
