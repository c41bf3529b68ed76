import "server-only";

import { hashPassword } from "@/lib/accounts/password-hash";
import { checkPassword } from "@/lib/accounts/password-policy";
import { createUser, findUserByEmail } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/get-db";
import { AppError } from "@/lib/errors/app-error";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import {
  enforceRateLimit,
  SIGN_UP_PER_ADDRESS,
  SIGN_UP_PER_EMAIL,
} from "@/lib/rate-limit/rate-limit";
import type { ActiveSession } from "@/lib/session/open-session";
import { revokeSessions } from "@/lib/session/revoke-session";

/**
 * Turns the browser's guest into a member with an email and password; the
 * guest's progress is the account's from the start. The guest's session ends
 * here, on every instance: whoever else knew its id (a planted cookie) must
 * not find themselves inside the account. Signing in is the next step,
 * through next-auth, which issues a new session id.
 */
export async function signUp(
  session: ActiveSession,
  { email, password }: { email: string; password: string },
  address: string,
): Promise<void> {
  if (session.data.learner.kind !== "guest") {
    throw new AppError(
      "CONFLICT",
      "You are signed in already. Sign out to create another account.",
    );
  }
  const limiter = getRateLimiter();
  await enforceRateLimit(limiter, SIGN_UP_PER_ADDRESS, [address]);

  const problem = checkPassword(password, { email });
  if (problem) throw new AppError("BAD_REQUEST", problem.message);
  await enforceRateLimit(limiter, SIGN_UP_PER_EMAIL, [email]);
  const db = getDb();
  if (await findUserByEmail(db, email)) {
    throw new AppError(
      "CONFLICT",
      "An account with this email exists. Sign in instead.",
    );
  }

  await createUser(db, {
    learnerId: session.data.learner.id,
    email,
    passwordHash: await hashPassword(password),
  });
  await revokeSessions(db, { learnerId: session.data.learner.id });
}
