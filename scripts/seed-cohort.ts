// `npm run seed:cohort` fills the database named by DATABASE_URL (by
// default data/certdrill.sqlite) with one instructor and a cohort of 1,000
// learners who gave 100,000 answers, so the instructor screens can be tried
// with a class-sized load. It prints how to sign in as that instructor.
// Everything is written in one transaction, so a run that stops part way
// leaves nothing behind; on SQLite that holds the write lock for the whole
// run, so stop a server using the same file first, or its writes time out.
import { parseArgs } from "node:util";

import { z } from "zod";

import { getDb } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { SEED_PASSWORD, seedCohort } from "@/lib/instructors/seed-cohort";
import { getQuestionBank } from "@/lib/questions/question-bank";

const ArgsSchema = z.object({
  learners: z.coerce.number().int().min(1),
  attempts: z.coerce.number().int().min(1),
  seed: z.coerce.number().int().min(0),
});

const { values } = parseArgs({
  options: {
    learners: { type: "string", default: "1000" },
    attempts: { type: "string", default: "100000" },
    seed: { type: "string", default: String(Date.now() % 10_000) },
  },
});
const args = ArgsSchema.safeParse(values);
if (!args.success) {
  process.stderr.write(
    "seed:cohort: --learners and --attempts take whole numbers above 0, " +
      "--seed a whole number from 0\n",
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
try {
  const seeded = await seedCohort(db, questions, args.data, (done, total) =>
    process.stderr.write(
      `\r\x1b[K  ${done.toLocaleString("en")} of ${total.toLocaleString("en")} answers…`,
    ),
  );
  process.stderr.write("\r\x1b[K");
  process.stdout.write(
    `Seeded ${args.data.learners} learners and ${args.data.attempts} answers ` +
      `into a cohort with the invite code ${seeded.inviteCode}.\n` +
      `Sign in as ${seeded.email} with the password "${SEED_PASSWORD}".\n`,
  );
} catch (error) {
  process.stderr.write(
    `\r\x1b[Kseed:cohort: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exitCode = 1;
} finally {
  await db.destroy();
}
