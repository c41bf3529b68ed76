import "server-only";

import { hashPassword, verifyPassword } from "@/lib/accounts/password-hash";
import { checkPassword } from "@/lib/accounts/password-policy";
import {
  deleteLearner,
  findUserById,
  setPasswordHash,
} from "@/lib/accounts/users";
import { requireMember } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/get-db";
import { AppError } from "@/lib/errors/app-error";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import {
  enforceRateLimit,
  PASSWORD_CHANGE_PER_ACCOUNT,
} from "@/lib/rate-limit/rate-limit";
import type { ActiveSession } from "@/lib/session/open-session";
import { revokeSessions } from "@/lib/session/revoke-session";

async function accountOf(session: ActiveSession) {
  const learner = requireMember(session);
  const user = await findUserById(getDb(), learner.id);
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  return user;
}

export async function describeAccount(session: ActiveSession) {
  const user = await accountOf(session);
  return {
    email: user.email,
    role: user.role,
    hasPassword: user.passwordHash !== null,
  };
}

/**
 * Changes (or, for an account made through single sign-on, sets) the
 * password, and signs out every other session of the account. Every check of
 * the current password counts against the account (429 past the limit).
 */
export async function changePassword(
  session: ActiveSession,
  input: { currentPassword?: string; newPassword: string },
): Promise<number> {
  const user = await accountOf(session);
  if (user.passwordHash) {
    const limiter = getRateLimiter();
    const counted = [user.learnerId];
    await enforceRateLimit(limiter, PASSWORD_CHANGE_PER_ACCOUNT, counted);
    const ok =
      input.currentPassword !== undefined &&
      (await verifyPassword(user.passwordHash, input.currentPassword));
    if (!ok) {
      throw new AppError("FORBIDDEN", "Your current password is not right.");
    }
    await limiter.reset(PASSWORD_CHANGE_PER_ACCOUNT, counted);
  }
  const problem = checkPassword(input.newPassword, { email: user.email });
  if (problem) throw new AppError("BAD_REQUEST", problem.message);

  const db = getDb();
  await setPasswordHash(
    db,
    user.learnerId,
    await hashPassword(input.newPassword),
  );
  return revokeSessions(db, {
    learnerId: user.learnerId,
    exceptId: session.id,
  });
}

/** Revokes every session of the account, this one included. */
export async function signOutEverywhere(session: ActiveSession) {
  const learner = requireMember(session);
  return revokeSessions(getDb(), { learnerId: learner.id });
}

/** Deletes the account and everything recorded about its learner. */
export async function deleteAccount(session: ActiveSession): Promise<void> {
  const user = await accountOf(session);
  const db = getDb();
  await revokeSessions(db, { learnerId: user.learnerId });
  await deleteLearner(db, user.learnerId);
}
