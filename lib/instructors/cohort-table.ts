import "server-only";
import { sql, type Kysely } from "kysely";
import { z } from "zod";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import type { Database } from "@/lib/db/schema";
import { estimateFromTallies } from "@/lib/progress/readiness";

export const COHORT_SORTS = [
  "name",
  "answered",
  "accuracy",
  "readiness",
  "lastActive",
  "bestExam",
] as const;

export const CohortTableQuerySchema = z.object({
  sort: z.enum(COHORT_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  search: z.string().trim().max(100).default(""),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(25),
});

export type CohortTableQuery = z.infer<typeof CohortTableQuerySchema>;

export type CohortRow = {
  learnerId: string;
  name: string;
  answered: number;
  accuracy: number | null;
  domains: { number: number; answered: number; accuracy: number | null }[];
  /** Share of each task statement's questions right at the last try. */
  tasks: Record<string, number>;
  readiness: number | null;
  lastActive: string | null;
  examsTaken: number;
  bestExam: number | null;
  latestExam: number | null;
};

type QuestionPlace = { domain: number; task: string };

const TaskCountSchema = z.object({
  learner_id: z.string(),
  domain: z.coerce.number().int().nullable(),
  task: z.string().nullable(),
  answered: z.coerce.number().int(),
  correct: z.coerce.number().int(),
  last_right: z.coerce.number().int(),
  last_at: z.string(),
});

type TaskCount = z.infer<typeof TaskCountSchema>;

/**
 * One row per learner of a cohort, from the per-learner, per-question
 * summary that answers keep up to date (migration 0005), never from every
 * attempt; readiness here uses all of a learner's answers.
 */
export async function cohortRows(
  db: Kysely<Database>,
  cohortId: string,
  blueprint: Blueprint,
  places: ReadonlyMap<string, QuestionPlace>,
): Promise<CohortRow[]> {
  const members = await db
    .selectFrom("cohort_members")
    .innerJoin("learners", "learners.id", "cohort_members.learner_id")
    .leftJoin("users", "users.learner_id", "learners.id")
    .select(["learners.id", "learners.display_name", "users.email"])
    .where("cohort_members.cohort_id", "=", cohortId)
    .execute();
  const counts = await taskCounts(db, cohortId, places);
  const exams = await db
    .selectFrom("exams")
    .innerJoin(
      "cohort_members",
      "cohort_members.learner_id",
      "exams.learner_id",
    )
    .select(["exams.learner_id", "exams.scaled_score", "exams.started_at"])
    .where("cohort_members.cohort_id", "=", cohortId)
    .where("exams.status", "<>", "in-progress")
    .orderBy("exams.started_at", "asc")
    .execute();

  const countsOf = groupBy(counts, (c) => c.learner_id);
  const examsOf = groupBy(exams, (e) => e.learner_id);
  return members.map((member) =>
    rowFor(
      member,
      countsOf.get(member.id) ?? [],
      examsOf.get(member.id) ?? [],
      blueprint,
      places,
    ),
  );
}

/**
 * Each cohort learner's answers summed per task statement by the database,
 * a dozen rows a learner rather than one per question. Answers to questions
 * outside the blueprint come back with no domain or task: they count only
 * towards when the learner was last active.
 */
async function taskCounts(
  db: Kysely<Database>,
  cohortId: string,
  places: ReadonlyMap<string, QuestionPlace>,
): Promise<TaskCount[]> {
  // Typed, since PostgreSQL cannot tell the type of a parameter in `values`;
  // a row of nulls stands in for an empty bank, as `values` needs a row.
  const place = (
    id: string | null,
    domain: number | null,
    task: string | null,
  ) =>
    sql`(cast(${id} as text), cast(${domain} as integer), cast(${task} as text))`;
  const placeRows = places.size
    ? [...places].map(([id, p]) => place(id, p.domain, p.task))
    : [place(null, null, null)];
  const { rows } = await sql`with places (question_id, domain, task) as
      (values ${sql.join(placeRows)})
    select s.learner_id, p.domain, p.task, sum(s.answered) as answered,
      sum(s.correct) as correct, sum(s.last_correct) as last_right,
      max(s.last_at) as last_at
    from cohort_members m
    join learner_question_stats s on s.learner_id = m.learner_id
    left join places p on p.question_id = s.question_id
    where m.cohort_id = ${cohortId}
    group by s.learner_id, p.domain, p.task`.execute(db);
  return z.array(TaskCountSchema).parse(rows);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function rowFor(
  member: { id: string; display_name: string; email: string | null },
  counts: TaskCount[],
  exams: { scaled_score: number | null }[],
  blueprint: Blueprint,
  places: ReadonlyMap<string, QuestionPlace>,
): CohortRow {
  const tallies = blueprint.domains.map((d) => ({
    number: d.number,
    weight: d.weight,
    answered: 0,
    correct: 0,
  }));
  const taskRight = new Map<string, number>();
  for (const count of counts) {
    const tally = tallies.find((t) => t.number === count.domain);
    if (count.task === null || !tally) continue;
    tally.answered += count.answered;
    tally.correct += count.correct;
    taskRight.set(
      count.task,
      (taskRight.get(count.task) ?? 0) + count.last_right,
    );
  }

  const answered = tallies.reduce((n, t) => n + t.answered, 0);
  const correct = tallies.reduce((n, t) => n + t.correct, 0);
  const scores = exams.map((e) => e.scaled_score ?? 0);
  return {
    learnerId: member.id,
    name: member.email ?? member.display_name,
    answered,
    accuracy: answered ? correct / answered : null,
    domains: tallies.map((t) => ({
      number: t.number,
      answered: t.answered,
      accuracy: t.answered ? t.correct / t.answered : null,
    })),
    tasks: taskShares(taskRight, places),
    readiness: answered
      ? estimateFromTallies(blueprint, tallies).estimate
      : null,
    lastActive: counts.reduce<string | null>(
      (latest, c) => (!latest || c.last_at > latest ? c.last_at : latest),
      null,
    ),
    examsTaken: scores.length,
    bestExam: scores.length ? Math.max(...scores) : null,
    latestExam: scores.at(-1) ?? null,
  };
}

function taskShares(
  right: Map<string, number>,
  places: ReadonlyMap<string, QuestionPlace>,
): Record<string, number> {
  const sizes = new Map<string, number>();
  for (const place of places.values())
    sizes.set(place.task, (sizes.get(place.task) ?? 0) + 1);
  return Object.fromEntries(
    [...sizes].map(([task, size]) => [task, (right.get(task) ?? 0) / size]),
  );
}

/** Search, sort and one page of the rows, with the total for paging. */
export function pageOfRows(rows: CohortRow[], query: CohortTableQuery) {
  const needle = query.search.toLowerCase();
  const found = needle
    ? rows.filter((row) => row.name.toLowerCase().includes(needle))
    : rows;
  const sign = query.dir === "asc" ? 1 : -1;
  const sorted = [...found].sort(
    (a, b) =>
      (compareKeys(sortKey(a, query.sort), sortKey(b, query.sort)) ||
        compareKeys(a.name, b.name) ||
        compareKeys(a.learnerId, b.learnerId)) * sign,
  );

  const start = (query.page - 1) * query.pageSize;
  return {
    total: found.length,
    page: query.page,
    pageSize: query.pageSize,
    rows: sorted.slice(start, start + query.pageSize),
  };
}

function sortKey(
  row: CohortRow,
  sort: CohortTableQuery["sort"],
): string | number | null {
  return sort === "name" ? row.name.toLowerCase() : row[sort];
}

/**
 * A missing figure (no answer yet, so no accuracy, readiness or last
 * activity; no mock exam) sorts below every figure: first in ascending
 * order, last in descending. Keys of one column are all numbers or all
 * timestamps of one shape.
 */
function compareKeys(
  x: string | number | null,
  y: string | number | null,
): number {
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x < y ? -1 : 1;
}
