import "server-only";
import type { Kysely } from "kysely";

import { hashPassword } from "@/lib/accounts/password-hash";
import { checkPassword } from "@/lib/accounts/password-policy";
import { createUser, findUserByEmail, setRole } from "@/lib/accounts/users";
import type { Database, Role } from "@/lib/db/schema";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { revokeSessions } from "@/lib/session/revoke-session";

export type CreateAccountResult =
  | {
      ok: true;
      learnerId: string;
      created: boolean;
      sessionsSignedOut: number;
    }
  | { ok: false; message: string };

/**
 * Creates an account from the command line (the first admin, or staff). An
 * existing email keeps its password and gets the role, so the command can
 * also promote someone who signed up in the browser. A changed role signs the
 * account out everywhere: its open sessions carry the old role, and a demoted
 * admin must not keep admin rights until they next sign in.
 */
export async function createAccount(
  db: Kysely<Database>,
  input: { email: string; role: Role; password: string | null },
): Promise<CreateAccountResult> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    if (existing.role === input.role) {
      return {
        ok: true,
        learnerId: existing.learnerId,
        created: false,
        sessionsSignedOut: 0,
      };
    }
    await setRole(db, existing.learnerId, input.role);
    return {
      ok: true,
      learnerId: existing.learnerId,
      created: false,
      sessionsSignedOut: await revokeSessions(db, {
        learnerId: existing.learnerId,
      }),
    };
  }
  if (!input.password) {
    return { ok: false, message: "a new account needs a password" };
  }
  const problem = checkPassword(input.password, { email: input.email });
  if (problem) return { ok: false, message: problem.message };

  const learner = await createGuestLearner(db);
  await createUser(db, {
    learnerId: learner.id,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    role: input.role,
  });
  return {
    ok: true,
    learnerId: learner.id,
    created: true,
    sessionsSignedOut: 0,
  };
}
