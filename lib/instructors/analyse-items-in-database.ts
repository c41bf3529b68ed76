import "server-only";
import { sql, type Kysely } from "kysely";
import { z } from "zod";

import { dialectOf } from "@/lib/db/get-db";
import type { Database } from "@/lib/db/schema";
import {
  extremeGroups,
  learnerTotals,
  minAttemptsOf,
  statsFromTally,
  type FirstVerdict,
  type ItemStats,
  type ItemTally,
  type LearnerTotal,
  type QuestionInfo,
} from "@/lib/instructors/item-analysis";

const AnswerGroupSchema = z.object({
  question_id: z.string(),
  first_chosen: z.string(),
  first_correct: z.coerce.number().int(),
  attempts: z.coerce.number().int(),
  timed: z.coerce.number().int(),
  total_time_ms: z.coerce.number().int(),
  learners: z.string(),
});

type AnswerGroup = z.infer<typeof AnswerGroupSchema>;

const ChosenSchema = z.array(z.string());

/**
 * analyseItems (item-analysis.ts) over the first answers that the summary
 * table keeps (migration 0005), of a cohort's learners or of everyone.
 *
 * The database counts: one grouped query gives, per question, first choice
 * and verdict, the attempts, their times and the ids of the learners who gave
 * it, a few hundred rows in all. From the ids come each learner's total and
 * the 27% groups, ranked by the same code as analyseItems. Ranking in SQL,
 * with window functions, was tried first and cost SQLite more than this:
 * one sort of every first answer per question.
 */
export async function analyseItemsInDatabase(
  db: Kysely<Database>,
  questions: QuestionInfo[],
  options: { cohortId: string | null; minAttempts?: number },
): Promise<ItemStats[]> {
  const minAttempts = minAttemptsOf(options);
  if (questions.length === 0) return [];

  // Answers to questions no longer in the bank are dropped here rather than
  // in SQL, where a list of ids made SQLite look up every pair of learner
  // and question; dropped before the totals, as analyseItems does.
  const known = new Set(questions.map((q) => q.id));
  const groups = (await answerGroups(db, options.cohortId)).filter((g) =>
    known.has(g.question_id),
  );
  const verdicts = verdictsOf(groups);
  const totals = learnerTotals(verdicts);

  return questions.map((question) =>
    statsFromTally(
      question,
      tallyOf(
        groups.filter((g) => g.question_id === question.id),
        verdicts.get(question.id) ?? [],
        totals,
      ),
      minAttempts,
    ),
  );
}

/**
 * First answers grouped by question, choice and verdict. A question has a
 * handful of distinct choices: one per option, a few more for multiple
 * response. Learner ids are UUIDs, so a comma never falls inside one.
 */
async function answerGroups(
  db: Kysely<Database>,
  cohortId: string | null,
): Promise<AnswerGroup[]> {
  const learnerList =
    dialectOf(db) === "postgres"
      ? sql`string_agg(learner_id, ',')`
      : sql`group_concat(learner_id, ',')`;
  const inCohort =
    cohortId === null
      ? sql``
      : sql`where learner_id in (select learner_id from cohort_members
          where cohort_id = ${cohortId})`;

  const { rows } = await sql`select question_id, first_chosen, first_correct,
      count(*) as attempts, count(first_time_ms) as timed,
      coalesce(sum(first_time_ms), 0) as total_time_ms,
      ${learnerList} as learners
    from learner_question_stats
    ${inCohort}
    group by question_id, first_chosen, first_correct`.execute(db);
  return z.array(AnswerGroupSchema).parse(rows);
}

/** Who answered each question first, and whether they were right. */
function verdictsOf(groups: AnswerGroup[]): Map<string, FirstVerdict[]> {
  const verdicts = new Map<string, FirstVerdict[]>();
  for (const group of groups) {
    const list = verdicts.get(group.question_id) ?? [];
    const correct = group.first_correct === 1;
    for (const learnerId of group.learners.split(","))
      list.push({ learnerId, correct });
    verdicts.set(group.question_id, list);
  }
  return verdicts;
}

function tallyOf(
  groups: AnswerGroup[],
  verdicts: FirstVerdict[],
  totals: Map<string, LearnerTotal>,
): ItemTally {
  const picks = new Map<string, number>();
  for (const group of groups) {
    // A letter repeated within one answer still counts once for it.
    const letters = new Set(ChosenSchema.parse(JSON.parse(group.first_chosen)));
    for (const letter of letters)
      picks.set(letter, (picks.get(letter) ?? 0) + group.attempts);
  }
  const sum = (key: "attempts" | "timed" | "total_time_ms") =>
    groups.reduce((total, group) => total + group[key], 0);

  return {
    attempts: sum("attempts"),
    correct: verdicts.filter((v) => v.correct).length,
    timed: sum("timed"),
    totalTimeMs: sum("total_time_ms"),
    picks,
    ...extremeGroups(verdicts, totals),
  };
}
