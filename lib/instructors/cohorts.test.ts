import { describe, expect, it } from "vitest";

import { createAccount } from "@/lib/accounts/create-account";
import { getExamDate, setExamDate } from "@/lib/learners/exam-date";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import {
  canViewLearner,
  createCohort,
  getCohortOrThrow,
  joinCohort,
} from "@/lib/instructors/cohorts";
import type { Learner } from "@/lib/session/session-schema";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

async function instructor(email: string): Promise<Learner> {
  const made = await createAccount(database(), {
    email,
    role: "instructor",
    password: "orchid lantern gravel quietly",
  });
  if (!made.ok) throw new Error(made.message);
  return {
    id: made.learnerId,
    kind: "member",
    displayName: email,
    role: "instructor",
  };
}

async function cohortWithDate(targetExamDate: string | null) {
  const owner = await instructor("teacher@example.com");
  return createCohort(database(), owner.id, {
    name: "Spring",
    targetExamDate,
  });
}

describe("joinCohort", () => {
  it("gives a learner with no exam date the cohort's target date", async () => {
    const cohort = await cohortWithDate("2027-03-15");
    const learner = await createGuestLearner(database());

    await joinCohort(database(), learner.id, cohort.inviteCode);

    expect(await getExamDate(database(), learner.id)).toBe("2027-03-15");
  });

  it("keeps the exam date a learner set before joining", async () => {
    const cohort = await cohortWithDate("2027-03-15");
    const learner = await createGuestLearner(database());
    await setExamDate(database(), learner.id, "2027-01-20");

    await joinCohort(database(), learner.id, cohort.inviteCode);

    expect(await getExamDate(database(), learner.id)).toBe("2027-01-20");
  });

  it("leaves the exam date unset when the cohort has no target date", async () => {
    const cohort = await cohortWithDate(null);
    const learner = await createGuestLearner(database());

    const joined = await joinCohort(database(), learner.id, cohort.inviteCode);

    expect(joined).toEqual({ cohortId: cohort.id, name: "Spring" });
    expect(await getExamDate(database(), learner.id)).toBeNull();
  });

  it("lets a learner join twice without a second membership", async () => {
    const cohort = await cohortWithDate(null);
    const learner = await createGuestLearner(database());

    await joinCohort(database(), learner.id, cohort.inviteCode);
    await joinCohort(database(), learner.id, cohort.inviteCode);

    const members = await database()
      .selectFrom("cohort_members")
      .select("learner_id")
      .where("cohort_id", "=", cohort.id)
      .execute();
    expect(members).toEqual([{ learner_id: learner.id }]);
  });

  it("answers an unknown invite code with not found", async () => {
    const learner = await createGuestLearner(database());

    await expect(
      joinCohort(database(), learner.id, "ABCDEFGH"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getCohortOrThrow", () => {
  it("hides another instructor's cohort as not found, but not from an admin", async () => {
    const owner = await instructor("teacher@example.com");
    const rival = await instructor("rival@example.com");
    const cohort = await createCohort(database(), owner.id, {
      name: "Spring",
      targetExamDate: null,
    });
    const admin: Learner = { ...rival, role: "admin" };

    await expect(
      getCohortOrThrow(database(), rival, cohort.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getCohortOrThrow(database(), owner, cohort.id)).id).toBe(
      cohort.id,
    );
    expect((await getCohortOrThrow(database(), admin, cohort.id)).id).toBe(
      cohort.id,
    );
  });
});

describe("canViewLearner", () => {
  it("lets a cohort's owner and an admin see a learner in it, and nobody else", async () => {
    const owner = await instructor("teacher@example.com");
    const other = await instructor("other-teacher@example.com");
    const admin: Learner = { ...other, id: other.id, role: "admin" };
    const cohort = await createCohort(database(), owner.id, {
      name: "A",
      targetExamDate: null,
    });
    const theirs = await createCohort(database(), other.id, {
      name: "B",
      targetExamDate: null,
    });
    const inside = await createGuestLearner(database());
    const outside = await createGuestLearner(database());
    await joinCohort(database(), inside.id, cohort.inviteCode);
    await joinCohort(database(), outside.id, theirs.inviteCode);
    const may = (viewer: Learner, cohortId: string, learnerId: string) =>
      canViewLearner(database(), viewer, cohortId, learnerId);

    expect(await may(owner, cohort.id, inside.id)).toBe(true);
    expect(await may(admin, cohort.id, inside.id)).toBe(true);
    expect(await may(other, cohort.id, inside.id)).toBe(false);
    expect(await may(owner, cohort.id, outside.id)).toBe(false);
    expect(await may(owner, theirs.id, outside.id)).toBe(false);
  });
});
