import "server-only";
import type { Kysely } from "kysely";

import { createUser, findUserByEmail } from "@/lib/accounts/users";
import type { Database } from "@/lib/db/schema";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";

export type OidcSignIn =
  | { ok: true; learnerId: string }
  | { ok: false; reason: "OidcNoEmail" | "OidcEmailTaken" | "Disabled" };

/**
 * The account behind an OpenID Connect identity. A first sign-in creates the
 * account, on the guest learner the browser already had when there is one,
 * so the guest's progress becomes the account's. An email that already
 * belongs to another account is refused rather than linked: taking over an
 * account needs more proof than a matching address.
 */
export async function signInWithOidc(
  db: Kysely<Database>,
  identity: {
    issuer: string;
    subject: string;
    email: string | null;
    emailVerified: boolean;
    guest: { learnerId: string } | null;
  },
): Promise<OidcSignIn> {
  const linked = await db
    .selectFrom("identities")
    .innerJoin("users", "users.learner_id", "identities.learner_id")
    .select(["users.learner_id", "users.disabled_at"])
    .where("provider", "=", identity.issuer)
    .where("subject", "=", identity.subject)
    .executeTakeFirst();
  if (linked) {
    return linked.disabled_at
      ? { ok: false, reason: "Disabled" }
      : { ok: true, learnerId: linked.learner_id };
  }

  const email = identity.email?.trim().toLowerCase();
  if (!email || !identity.emailVerified)
    return { ok: false, reason: "OidcNoEmail" };
  if (await findUserByEmail(db, email))
    return { ok: false, reason: "OidcEmailTaken" };

  const learnerId =
    identity.guest?.learnerId ?? (await createGuestLearner(db)).id;
  await createUser(db, { learnerId, email, passwordHash: null });
  await db
    .insertInto("identities")
    .values({
      provider: identity.issuer,
      subject: identity.subject,
      learner_id: learnerId,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { ok: true, learnerId };
}
