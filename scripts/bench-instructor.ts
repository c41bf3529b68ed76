// `npm run bench:instructor`: seeds a fresh SQLite file with one cohort of
// 1,000 learners and 100,000 attempts, then times the cohort table and the
// item analysis against a baseline measured in the same run: reading every
// attempt row once, the least any report that looked at them all would pay.
import path from "node:path";

import { sql } from "kysely";

import { openSqlite } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { makeTempDir } from "@/lib/testing/temp-dir";

const temp = makeTempDir();
const file = path.join(temp.dir, "bench.sqlite");
process.env.DATABASE_URL = `file:${file}`;

const { getQuestionBank } = await import("@/lib/questions/question-bank");
const { seedCohort } = await import("@/lib/instructors/seed-cohort");
const { cohortLearners, itemReport } =
  await import("@/lib/instructors/cohort-reports");
const { getDb } = await import("@/lib/db/get-db");

const db = openSqlite(file);
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
await db.destroy();

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
    getDb(),
  ),
);
const table = await median("cohort table (1,000 learners)", () =>
  cohortLearners(cohortId),
);
const items = await median("item analysis (61 questions)", () =>
  itemReport(cohortId),
);

for (const { label, ms } of [baseline, table, items]) {
  const ratio = (ms / baseline.ms).toFixed(2);
  const goal = label.startsWith("baseline")
    ? ""
    : ` · goal 200 ms: ${ms <= 200 ? "met" : "NOT met"}`;
  console.log(
    `${label.padEnd(40)} ${ms.toFixed(0).padStart(5)} ms  ${ratio}x baseline${goal}`,
  );
}
temp.remove();
