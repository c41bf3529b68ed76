// Run by `npm run bench:instructor` once per dialect, on a scratch database
// it made: seeds one cohort of 1,000 learners and 100,000 attempts into the
// database DATABASE_URL names, then times the cohort table and the item
// analysis against a baseline measured in the same run: reading every
// attempt row once, the least any report that looked at them all would pay.
import { sql } from "kysely";

import { getDb } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { cohortLearners, itemReport } from "@/lib/instructors/cohort-reports";
import { seedCohort } from "@/lib/instructors/seed-cohort";
import { getQuestionBank } from "@/lib/questions/question-bank";

// Seeding a real database with a thousand made-up learners would be hard to
// undo, so this runs only on the scratch database the bench made.
if (process.env.CERTDRILL_BENCH_SCRATCH !== "1") {
  process.stderr.write("run npm run bench:instructor instead\n");
  process.exit(1);
}

const db = getDb();
await migrateToLatest(db);
const questions = [...getQuestionBank().questions.values()].map((q) => ({
  id: q.public.id,
  options: q.public.options.map((o) => o.letter),
  answer: q.key.answer,
}));
const seeded = performance.now();
const { cohortId } = await seedCohort(db, questions, {}, (done, total) =>
  process.stderr.write(
    `\r\x1b[K  seeded ${done.toLocaleString("en")} of ${total.toLocaleString("en")} attempts…`,
  ),
);
process.stderr.write("\r\x1b[K");
console.log(
  "seeded 1,000 learners and 100,000 attempts in " +
    `${((performance.now() - seeded) / 1000).toFixed(1)} s`,
);

async function median(label: string, run: () => Promise<unknown>, times = 7) {
  await run();
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const ms = samples[Math.floor(times / 2)]!;
  return { label, ms };
}

const baseline = await median("baseline: read every attempt row once", () =>
  sql`select learner_id, question_id, correct, created_at from attempts`.execute(
    db,
  ),
);
const table = await median("cohort table (1,000 learners)", () =>
  cohortLearners(cohortId),
);
const items = await median(
  `item analysis (${questions.length} questions)`,
  () => itemReport(cohortId),
);
const everyone = await median("item analysis over everyone", () =>
  itemReport(null),
);
await db.destroy();

for (const { label, ms } of [baseline, table, items, everyone]) {
  const ratio = (ms / baseline.ms).toFixed(2);
  const goal = label.startsWith("baseline")
    ? ""
    : ` · goal 200 ms: ${ms <= 200 ? "met" : "NOT met"}`;
  console.log(
    `${label.padEnd(40)} ${ms.toFixed(0).padStart(5)} ms  ${ratio}x baseline${goal}`,
  );
}
