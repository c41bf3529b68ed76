import { describe, expect, it } from "vitest";

import { signInWithOidc } from "@/lib/accounts/oidc-sign-in";
import { createUser, setDisabled } from "@/lib/accounts/users";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

const identity = {
  issuer: "https://id.example.edu",
  subject: "user-42",
  email: "Ada@Example.edu",
  emailVerified: true,
  guest: null,
};

describe("signInWithOidc", () => {
  it("creates an account on the browser's guest the first time, then finds it again", async () => {
    const guest = await createGuestLearner(database());

    const first = await signInWithOidc(database(), {
      ...identity,
      guest: { learnerId: guest.id },
    });
    const again = await signInWithOidc(database(), identity);

    expect(first).toEqual({ ok: true, learnerId: guest.id });
    expect(again).toEqual({ ok: true, learnerId: guest.id });
    const user = await database()
      .selectFrom("users")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email: "ada@example.edu",
      password_hash: null,
      role: "learner",
    });
  });

  it("refuses an address another account already uses instead of taking it over", async () => {
    const owner = await createGuestLearner(database());
    await createUser(database(), {
      learnerId: owner.id,
      email: "ada@example.edu",
      passwordHash: "x",
    });

    expect(await signInWithOidc(database(), identity)).toEqual({
      ok: false,
      reason: "OidcEmailTaken",
    });
  });

  it("refuses an identity without a verified email", async () => {
    expect(
      await signInWithOidc(database(), { ...identity, emailVerified: false }),
    ).toEqual({
      ok: false,
      reason: "OidcNoEmail",
    });
  });

  it("refuses a disabled account", async () => {
    const created = await signInWithOidc(database(), identity);
    if (!created.ok) throw new Error("expected an account");
    await setDisabled(database(), created.learnerId, true);

    expect(await signInWithOidc(database(), identity)).toEqual({
      ok: false,
      reason: "Disabled",
    });
  });
});
