import "server-only";
import type { Kysely } from "kysely";
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

/**
 * One row per learner of a cohort, folded from the per-learner, per-question
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
  const counts = await db
    .selectFrom("learner_question_stats as s")
    .innerJoin("cohort_members as m", "m.learner_id", "s.learner_id")
    .select([
      "s.learner_id",
      "s.question_id",
      "s.answered",
      "s.correct",
      "s.last_correct",
      "s.last_at",
    ])
    .where("m.cohort_id", "=", cohortId)
    .execute();
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
  counts: {
    question_id: string;
    answered: number;
    correct: number;
    last_correct: number;
    last_at: string;
  }[],
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
    const place = places.get(count.question_id);
    const tally = tallies.find((t) => t.number === place?.domain);
    if (!place || !tally) continue;
    tally.answered += Number(count.answered);
    tally.correct += Number(count.correct);
    if (Number(count.last_correct) === 1)
      taskRight.set(place.task, (taskRight.get(place.task) ?? 0) + 1);
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
  const key = (row: CohortRow): string | number =>
    query.sort === "name" ? row.name.toLowerCase() : (row[query.sort] ?? -1);
  const sign = query.dir === "asc" ? 1 : -1;
  const sorted = [...found].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name)) * sign;
  });

  const start = (query.page - 1) * query.pageSize;
  return {
    total: found.length,
    page: query.page,
    pageSize: query.pageSize,
    rows: sorted.slice(start, start + query.pageSize),
  };
}
