import { describe, expect, it } from "vitest";

import { mergeGuestInto } from "@/lib/accounts/merge-guest";
import { createUser } from "@/lib/accounts/users";
import { recordAttempt } from "@/lib/attempts/record-attempt";
import { setBookmark } from "@/lib/bookmarks/bookmarks";
import { createCohort, joinCohort } from "@/lib/instructors/cohorts";
import { createGuestLearner } from "@/lib/learners/create-guest-learner";
import { getExamDate, setExamDate } from "@/lib/learners/exam-date";
import { flagForReview, loadReviewCards } from "@/lib/review/review-store";
import { freshDatabaseForEachTest } from "@/lib/testing/test-database";

const database = freshDatabaseForEachTest();

async function card(learnerId: string, questionId: string, updatedAt: string) {
  await database()
    .insertInto("review_cards")
    .values({
      learner_id: learnerId,
      question_id: questionId,
      due: updatedAt,
      card: JSON.stringify({ from: learnerId }),
      updated_at: updatedAt,
    })
    .execute();
}

describe("mergeGuestInto", () => {
  it("moves the guest's answers and bookmarks to the account and deletes the guest", async () => {
    const guest = await createGuestLearner(database());
    const member = await createGuestLearner(database());
    const answer = {
      questionId: "q1",
      chosenOptions: ["A"],
      correct: true,
      timeTakenMs: null,
      mode: "drill" as const,
    };
    await recordAttempt(database(), { ...answer, learnerId: guest.id });
    await recordAttempt(database(), { ...answer, learnerId: member.id });
    await setBookmark(database(), guest.id, "q1", true);
    await setBookmark(database(), guest.id, "q2", true);
    await setBookmark(database(), member.id, "q1", true);

    await mergeGuestInto(database(), guest.id, member.id);

    const attempts = await database()
      .selectFrom("attempts")
      .select("learner_id")
      .execute();
    expect(attempts).toEqual([
      { learner_id: member.id },
      { learner_id: member.id },
    ]);
    const marks = await database()
      .selectFrom("bookmarks")
      .select(["learner_id", "question_id"])
      .orderBy("question_id")
      .execute();
    expect(marks).toEqual([
      { learner_id: member.id, question_id: "q1" },
      { learner_id: member.id, question_id: "q2" },
    ]);
    const learners = await database()
      .selectFrom("learners")
      .select("id")
      .execute();
    expect(learners).toEqual([{ id: member.id }]);
  });

  it("keeps whichever review card of a question was reviewed last", async () => {
    const guest = await createGuestLearner(database());
    const member = await createGuestLearner(database());
    await card(guest.id, "newer-as-guest", "2026-12-03T10:00:00.000Z");
    await card(member.id, "newer-as-guest", "2026-12-01T10:00:00.000Z");
    await card(guest.id, "newer-as-member", "2026-12-01T10:00:00.000Z");
    await card(member.id, "newer-as-member", "2026-12-03T10:00:00.000Z");
    await card(guest.id, "guest-only", "2026-12-02T10:00:00.000Z");

    await mergeGuestInto(database(), guest.id, member.id);

    const cards = await database()
      .selectFrom("review_cards")
      .select(["learner_id", "question_id", "card"])
      .orderBy("question_id")
      .execute();
    expect(cards).toEqual([
      {
        learner_id: member.id,
        question_id: "guest-only",
        card: JSON.stringify({ from: guest.id }),
      },
      {
        learner_id: member.id,
        question_id: "newer-as-guest",
        card: JSON.stringify({ from: guest.id }),
      },
      {
        learner_id: member.id,
        question_id: "newer-as-member",
        card: JSON.stringify({ from: member.id }),
      },
    ]);
  });

  it("moves the guest's cohort memberships to the account, once per cohort", async () => {
    const instructor = await createGuestLearner(database());
    await createUser(database(), {
      learnerId: instructor.id,
      email: "teacher@example.com",
      passwordHash: null,
      role: "instructor",
    });
    const guest = await createGuestLearner(database());
    const member = await createGuestLearner(database());
    const cohorts = [];
    for (const name of ["Spring", "Autumn"]) {
      cohorts.push(
        await createCohort(database(), instructor.id, {
          name,
          targetExamDate: null,
        }),
      );
    }
    await joinCohort(database(), guest.id, cohorts[0]!.inviteCode);
    await joinCohort(database(), guest.id, cohorts[1]!.inviteCode);
    await joinCohort(database(), member.id, cohorts[0]!.inviteCode);

    await mergeGuestInto(database(), guest.id, member.id);

    const memberships = await database()
      .selectFrom("cohort_members")
      .select(["cohort_id", "learner_id"])
      .orderBy("cohort_id")
      .execute();
    expect(memberships).toEqual(
      cohorts
        .map((cohort) => ({ cohort_id: cohort.id, learner_id: member.id }))
        .sort((a, b) => a.cohort_id.localeCompare(b.cohort_id)),
    );
  });

  it("gives the account the guest's exam date when it has none", async () => {
    const guest = await createGuestLearner(database());
    const member = await createGuestLearner(database());
    await setExamDate(database(), guest.id, "2027-03-15");

    await mergeGuestInto(database(), guest.id, member.id);

    expect(await getExamDate(database(), member.id)).toBe("2027-03-15");
  });

  it("keeps the account's own exam date over the guest's, with the guest's cards moved in", async () => {
    const guest = await createGuestLearner(database());
    const member = await createGuestLearner(database());
    await setExamDate(database(), guest.id, "2027-03-15");
    await setExamDate(database(), member.id, "2027-06-01");
    await flagForReview(database(), guest.id, "q1", new Date());

    await mergeGuestInto(database(), guest.id, member.id);

    expect(await getExamDate(database(), member.id)).toBe("2027-06-01");
    expect(
      (await loadReviewCards(database(), member.id)).map((c) => c.questionId),
    ).toEqual(["q1"]);
  });

  it("changes nothing when the guest is the account itself", async () => {
    const learner = await createGuestLearner(database());

    await mergeGuestInto(database(), learner.id, learner.id);

    expect(
      await database().selectFrom("learners").select("id").execute(),
    ).toEqual([{ id: learner.id }]);
  });
});
