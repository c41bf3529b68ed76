import "server-only";
import { randomUUID } from "node:crypto";

import type { Kysely } from "kysely";

import { addToQuestionStats } from "@/lib/attempts/question-stats";
import { attemptRow } from "@/lib/attempts/record-attempt";
import { hashPassword } from "@/lib/accounts/password-hash";
import type { Database } from "@/lib/db/schema";
import { createCohort } from "@/lib/instructors/cohorts";

export const SEED_PASSWORD = "seeded instructor password";

export type SeedQuestion = { id: string; options: string[]; answer: string[] };

/**
 * A small seeded generator, so two runs with one seed give the same answers
 * and scores (ids and the invite code are fresh each time).
 */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills a database with one instructor, one cohort of `learners` learners
 * and `attempts` answers spread over them, each learner with an ability and
 * each question with a difficulty, so the statistics look like a class's.
 */
export async function seedCohort(
  db: Kysely<Database>,
  questions: SeedQuestion[],
  { learners = 1000, attempts = 100_000, seed = 42 } = {},
  onProgress?: (done: number, total: number) => void,
): Promise<{
  cohortId: string;
  ownerId: string;
  email: string;
  inviteCode: string;
}> {
  const random = mulberry32(seed);
  const now = Date.now();
  const ownerId = randomUUID();
  const email = `seed-instructor-${seed}@example.com`;
  const iso = (ms: number) => new Date(ms).toISOString();
  if (await emailTaken(db, email)) {
    throw new Error(
      `seed ${seed} was used before in this database (${email} exists); pick another seed`,
    );
  }
  // Hashed before the transaction opens, so the write lock is not held
  // through a deliberately slow hash.
  const passwordHash = await hashPassword(SEED_PASSWORD);

  const people = Array.from({ length: learners }, (_, n) => ({
    id: randomUUID(),
    ability: random() * 2 - 1,
    n,
  }));
  const hardness = new Map(questions.map((q) => [q.id, random() * 2 - 1]));

  // One transaction: a run that fails part way leaves nothing behind.
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("learners")
      .values({
        id: ownerId,
        kind: "guest",
        display_name: "Seed instructor",
        created_at: iso(now),
        exam_date: null,
      })
      .execute();
    await trx
      .insertInto("users")
      .values({
        learner_id: ownerId,
        email,
        password_hash: passwordHash,
        role: "instructor",
        disabled_at: null,
        created_at: iso(now),
        password_changed_at: null,
      })
      .execute();
    const cohort = await createCohort(trx, ownerId, {
      name: `Seeded cohort ${seed}`,
      targetExamDate: null,
    });

    for (const person of people) {
      await trx
        .insertInto("learners")
        .values({
          id: person.id,
          kind: "guest",
          display_name: `Learner ${person.n + 1}`,
          created_at: iso(now),
          exam_date: null,
        })
        .execute();
      await trx
        .insertInto("cohort_members")
        .values({
          cohort_id: cohort.id,
          learner_id: person.id,
          joined_at: iso(now),
        })
        .execute();
    }

    const batch: ReturnType<typeof attemptRow>[] = [];
    for (let i = 0; i < attempts; i++) {
      const person = people[i % learners]!;
      const question = questions[Math.floor(random() * questions.length)]!;
      const chance =
        1 / (1 + Math.exp(-(person.ability - hardness.get(question.id)!) * 2));
      const correct = random() < chance;
      const wrong = question.options.filter(
        (o) => !question.answer.includes(o),
      );
      const chosen = correct
        ? question.answer
        : [wrong[Math.floor(random() * wrong.length)]!];
      batch.push(
        attemptRow(randomUUID(), {
          learnerId: person.id,
          questionId: question.id,
          chosenOptions: chosen,
          correct,
          timeTakenMs: Math.round(20_000 + random() * 100_000),
          mode: "drill",
          at: new Date(now - (attempts - i) * 1000),
        }),
      );
      if (batch.length === 2000 || i === attempts - 1) {
        for (const row of batch)
          await trx.insertInto("attempts").values(row).execute();
        await addToQuestionStats(trx, batch);
        batch.length = 0;
        onProgress?.(i + 1, attempts);
      }
    }
    return {
      cohortId: cohort.id,
      ownerId,
      email,
      inviteCode: cohort.inviteCode,
    };
  });
}

async function emailTaken(db: Kysely<Database>, email: string) {
  const row = await db
    .selectFrom("users")
    .select("learner_id")
    .where("email", "=", email)
    .executeTakeFirst();
  return Boolean(row);
}
