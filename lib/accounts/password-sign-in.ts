import "server-only";

import {
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
  hashPassword,
} from "@/lib/accounts/password-hash";
import { findUserByEmail, setPasswordHash } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/get-db";
import { logger } from "@/lib/log/logger";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import {
  enforceRateLimit,
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ADDRESS,
} from "@/lib/rate-limit/rate-limit";

/**
 * The learner id behind an email and password, or null. Every attempt counts
 * against the account and the address first (429 past the limit), and an
 * unknown email costs the same argon2 work as a known one, so neither the
 * answer nor its timing says which emails have accounts.
 */
export async function checkPasswordSignIn(
  email: string,
  password: string,
  address: string,
): Promise<string | null> {
  const limiter = getRateLimiter();
  await enforceRateLimit(limiter, SIGN_IN_PER_ADDRESS, [address]);
  await enforceRateLimit(limiter, SIGN_IN_PER_ACCOUNT, [email]);

  const db = getDb();
  const user = await findUserByEmail(db, email);
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!user || !ok) {
    logger.info("sign-in refused", { reason: user ? "password" : "email" });
    return null;
  }
  if (user.disabled) {
    logger.info("sign-in refused", { reason: "disabled" });
    return null;
  }

  await limiter.reset(SIGN_IN_PER_ACCOUNT, [email]);
  if (needsRehash(user.passwordHash!)) {
    await setPasswordHash(db, user.learnerId, await hashPassword(password));
  }
  return user.learnerId;
}
