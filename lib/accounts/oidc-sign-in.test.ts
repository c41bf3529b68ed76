import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { signInWithOidc } from "@/lib/accounts/oidc-sign-in";
import { createUser, setDisabled } from "@/lib/accounts/users";
import type { Database } from "@/lib/db/schema";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import {
  openTestDatabase,
  type TestDatabase,
} from "@/lib/testing/test-database";

let test: TestDatabase;
let db: Kysely<Database>;

beforeEach(async () => {
  test = await openTestDatabase();
  db = test.db;
});

afterEach(() => test.close());

const identity = {
  issuer: "https://id.example.edu",
  subject: "user-42",
  email: "Ada@Example.edu",
  emailVerified: true,
  guest: null,
};

describe("signInWithOidc", () => {
  it("creates an account on the browser's guest the first time, then finds it again", async () => {
    const guest = await createGuestLearner(db);

    const first = await signInWithOidc(db, {
      ...identity,
      guest: { learnerId: guest.id },
    });
    const again = await signInWithOidc(db, identity);

    expect(first).toEqual({ ok: true, learnerId: guest.id });
    expect(again).toEqual({ ok: true, learnerId: guest.id });
    const user = await db
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
    const owner = await createGuestLearner(db);
    await createUser(db, {
      learnerId: owner.id,
      email: "ada@example.edu",
      passwordHash: "x",
    });

    expect(await signInWithOidc(db, identity)).toEqual({
      ok: false,
      reason: "OidcEmailTaken",
    });
  });

  it("refuses an identity without a verified email", async () => {
    expect(
      await signInWithOidc(db, { ...identity, emailVerified: false }),
    ).toEqual({
      ok: false,
      reason: "OidcNoEmail",
    });
  });

  it("refuses a disabled account", async () => {
    const created = await signInWithOidc(db, identity);
    if (!created.ok) throw new Error("expected an account");
    await setDisabled(db, created.learnerId, true);

    expect(await signInWithOidc(db, identity)).toEqual({
      ok: false,
      reason: "Disabled",
    });
  });
});
