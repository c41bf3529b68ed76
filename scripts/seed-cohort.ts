// `npm run seed:cohort` fills the database named by DATABASE_URL (by
// default data/certdrill.sqlite) with one instructor and a cohort of 1,000
// learners who gave 100,000 answers, so the instructor screens can be tried
// with a class-sized load. It prints how to sign in as that instructor.
import { parseArgs } from "node:util";

import { getDb } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { seedCohort } from "@/lib/instructors/seed-cohort";
import { getQuestionBank } from "@/lib/questions/question-bank";

const { values } = parseArgs({
  options: {
    learners: { type: "string", default: "1000" },
    attempts: { type: "string", default: "100000" },
    seed: { type: "string", default: String(Date.now() % 10_000) },
  },
});
const [learners, attempts, seed] = [
  values.learners,
  values.attempts,
  values.seed,
].map(Number);
if (![learners, attempts, seed].every((n) => Number.isInteger(n) && n! > 0)) {
  process.stderr.write(
    "seed:cohort: --learners, --attempts and --seed take whole numbers above 0\n",
  );
  process.exit(1);
}

const db = getDb();
await migrateToLatest(db);
const questions = [...getQuestionBank().questions.values()].map((q) => ({
  id: q.public.id,
  options: q.public.options.map((o) => o.letter),
  answer: q.key.answer,
}));
await seedCohort(
  db,
  questions,
  { learners: learners!, attempts: attempts!, seed: seed! },
  (done, total) =>
    process.stderr.write(
      `\r\x1b[K  ${done.toLocaleString("en")} of ${total.toLocaleString("en")} answers…`,
    ),
);
process.stderr.write("\r\x1b[K");
await db.destroy();
process.stdout.write(
  `Seeded ${learners} learners and ${attempts} answers.\n` +
    `Sign in as seed-instructor-${seed}@example.com with the password "seeded instructor password".\n`,
);
