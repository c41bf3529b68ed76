import "server-only";

/*
 * Classical item analysis for the instructor report, modelled on Moodle's quiz
 * statistics report. Definitions, and where they come from:
 *
 * - Only each learner's first attempt at a question counts. Moodle does the
 *   same by default ("Quiz statistics calculations", MoodleDocs), because
 *   later tries build on the feedback from earlier ones and would inflate the
 *   facility of every question that is drilled repeatedly.
 * - Facility index: share of counted attempts marked correct (Moodle's
 *   facility index for an item scored 0 or 1).
 * - Discrimination: the upper–lower index of classical test theory,
 *   D = p(upper) − p(lower), with Kelley's 27% groups. Learners are ranked by
 *   a corrected total, their share correct on the *other* questions, so a
 *   question cannot lift the learners who got it right into its own upper
 *   group. Moodle's own discrimination index is a correlation with the rest of
 *   the test for the same reason (question/classes/statistics/questions/
 *   calculator.php); the upper–lower index is used here because authors can
 *   read it directly as "share right among the strongest minus share right
 *   among the weakest".
 * - The flag thresholds follow Moodle's guide to reading the facility index
 *   ("Quiz report statistics", MoodleDocs), see the constants below.
 */

export type AttemptRow = {
  learnerId: string;
  questionId: string;
  /** Option letters chosen, e.g. ["B"] or ["A", "D"]. */
  chosen: string[];
  correct: boolean;
  timeTakenMs: number | null;
};

/** `options` e.g. ["A", "B", "C", "D"]; `answer` lists the keyed letters. */
export type QuestionInfo = { id: string; options: string[]; answer: string[] };

export type ItemFlag =
  | "very-easy"
  | "very-hard"
  | "negative-discrimination"
  | "unused-distractor"
  | "few-attempts";

export type ItemStats = {
  questionId: string;
  /** First attempts counted, one per learner. */
  attempts: number;
  /**
   * Distinct learners. Equal to `attempts` under the first-attempt rule; kept
   * apart because the report labels them separately.
   */
  learners: number;
  /** 0..1 share correct; null with no attempts. */
  facility: number | null;
  /** Upper–lower 27% index, -1..1; null below MIN_GROUP ranked learners. */
  discrimination: number | null;
  /** Mean over the counted attempts that recorded a time. */
  averageTimeMs: number | null;
  /**
   * `share` is chosen / attempts. A multiple-response attempt counts once for
   * every option it picked, so the shares of one item can add up to more
   * than 1.
   */
  options: { letter: string; keyed: boolean; chosen: number; share: number }[];
  flags: ItemFlag[];
};

/**
 * Fewest ranked learners for a discrimination index. With ten, each 27% group
 * holds two learners; below that one learner's answer swings D by 0.5 or more.
 */
export const MIN_GROUP = 10;

/** Kelley's 27%: the share of ranked learners in each extreme group. */
export const GROUP_SHARE = 0.27;

/**
 * Moodle calls 90–94% "very easy" and 95–100% "extremely easy": such a
 * question tells strong and weak learners apart hardly at all.
 */
export const VERY_EASY_ABOVE = 0.9;

/**
 * Moodle calls 11–20% "difficult" and anything lower "very" or "extremely"
 * difficult; it also sits below the 25% a blind guess earns on a
 * four-option single-answer question, which often means a wrong key.
 * 20–34% ("moderately difficult") is left alone, as hard questions are normal
 * for a certification exam.
 */
export const VERY_HARD_BELOW = 0.2;

/** Below this many attempts the shares are too noisy to flag anything else. */
export const DEFAULT_MIN_ATTEMPTS = 20;

type LearnerTotal = { answered: number; correct: number };

type Ranked = { learnerId: string; rest: number; correct: boolean };

/**
 * Item statistics for each of `questions`, in that order. `attempts` must be
 * in chronological order; rows for questions not listed are ignored, and so
 * are chosen letters that are not among a question's options.
 */
export function analyseItems(
  questions: QuestionInfo[],
  attempts: AttemptRow[],
  options?: { minAttempts?: number },
): ItemStats[] {
  const minAttempts = options?.minAttempts ?? DEFAULT_MIN_ATTEMPTS;
  if (!Number.isInteger(minAttempts) || minAttempts < 0) {
    throw new Error(`minAttempts must be a whole number, not ${minAttempts}`);
  }

  const known = new Set(questions.map((q) => q.id));
  const firsts = firstAttempts(attempts, known);
  const totals = learnerTotals(firsts);

  return questions.map((question) =>
    analyseItem(question, firsts.get(question.id) ?? [], totals, minAttempts),
  );
}

/** The first row per (learner, question), grouped by question. */
function firstAttempts(
  attempts: AttemptRow[],
  known: Set<string>,
): Map<string, AttemptRow[]> {
  const byQuestion = new Map<string, Map<string, AttemptRow>>();
  for (const row of attempts) {
    if (!known.has(row.questionId)) continue;
    const byLearner =
      byQuestion.get(row.questionId) ?? new Map<string, AttemptRow>();
    if (!byLearner.has(row.learnerId)) byLearner.set(row.learnerId, row);
    byQuestion.set(row.questionId, byLearner);
  }

  return new Map(
    [...byQuestion].map(([id, byLearner]) => [id, [...byLearner.values()]]),
  );
}

/** Each learner's first-attempt tally over all the questions analysed. */
function learnerTotals(
  firsts: Map<string, AttemptRow[]>,
): Map<string, LearnerTotal> {
  const totals = new Map<string, LearnerTotal>();
  for (const rows of firsts.values()) {
    for (const row of rows) {
      const total = totals.get(row.learnerId) ?? { answered: 0, correct: 0 };
      total.answered += 1;
      if (row.correct) total.correct += 1;
      totals.set(row.learnerId, total);
    }
  }
  return totals;
}

function analyseItem(
  question: QuestionInfo,
  rows: AttemptRow[],
  totals: Map<string, LearnerTotal>,
  minAttempts: number,
): ItemStats {
  const attempts = rows.length;
  const facility =
    attempts === 0 ? null : rows.filter((r) => r.correct).length / attempts;
  const discrimination = upperLowerIndex(rank(rows, totals));
  const options = optionCounts(question, rows);

  return {
    questionId: question.id,
    attempts,
    learners: new Set(rows.map((r) => r.learnerId)).size,
    facility,
    discrimination,
    averageTimeMs: averageTime(rows),
    options,
    flags: flagsFor(attempts, facility, discrimination, options, minAttempts),
  };
}

/**
 * Learners who answered the item, best corrected total first. Learners with
 * no other question answered have no rest score and are left out: they say
 * nothing about whether strong learners do better on this item.
 */
function rank(rows: AttemptRow[], totals: Map<string, LearnerTotal>): Ranked[] {
  const ranked = rows.flatMap((row) => {
    const total = totals.get(row.learnerId);
    if (!total || total.answered < 2) return [];
    const rest = (total.correct - (row.correct ? 1 : 0)) / (total.answered - 1);
    return [{ learnerId: row.learnerId, rest, correct: row.correct }];
  });

  // Equal rest scores are ordered by learner id (code units, not the server's
  // locale) so the groups do not depend on row order, and never by the answer
  // to this item, which would bias D.
  return ranked.sort(
    (a, b) =>
      b.rest - a.rest ||
      (a.learnerId < b.learnerId ? -1 : a.learnerId > b.learnerId ? 1 : 0),
  );
}

/** D = p(upper) − p(lower) over groups of floor(27% · n), at least one. */
function upperLowerIndex(ranked: Ranked[]): number | null {
  const n = ranked.length;
  if (n < MIN_GROUP) return null;

  const size = Math.max(1, Math.floor(GROUP_SHARE * n));
  const upper = countCorrect(ranked.slice(0, size));
  const lower = countCorrect(ranked.slice(n - size));

  return (upper - lower) / size;
}

function countCorrect(group: Ranked[]): number {
  return group.filter((r) => r.correct).length;
}

function averageTime(rows: AttemptRow[]): number | null {
  const times = rows.flatMap((r) =>
    r.timeTakenMs === null ? [] : [r.timeTakenMs],
  );
  if (times.length === 0) return null;
  return times.reduce((sum, t) => sum + t, 0) / times.length;
}

function optionCounts(
  question: QuestionInfo,
  rows: AttemptRow[],
): ItemStats["options"] {
  const keyed = new Set(question.answer);
  // A letter repeated within one attempt still counts once for it.
  const picks = rows.map((r) => new Set(r.chosen));

  return question.options.map((letter) => {
    const chosen = picks.filter((p) => p.has(letter)).length;
    return {
      letter,
      keyed: keyed.has(letter),
      chosen,
      share: rows.length === 0 ? 0 : chosen / rows.length,
    };
  });
}

/**
 * With fewer than `minAttempts` attempts only "few-attempts" is raised: every
 * other flag reads the spread of answers, which a handful of learners cannot
 * show reliably.
 */
function flagsFor(
  attempts: number,
  facility: number | null,
  discrimination: number | null,
  options: ItemStats["options"],
  minAttempts: number,
): ItemFlag[] {
  if (attempts < minAttempts) return ["few-attempts"];

  const flags: ItemFlag[] = [];
  if (facility !== null && facility > VERY_EASY_ABOVE) flags.push("very-easy");
  if (facility !== null && facility < VERY_HARD_BELOW) flags.push("very-hard");
  // More weak than strong learners getting it right usually means the key is
  // wrong or the stem misleads those who know the topic.
  if (discrimination !== null && discrimination < 0) {
    flags.push("negative-discrimination");
  }
  // A distractor nobody picks only makes the question easier to guess.
  if (attempts > 0 && options.some((o) => !o.keyed && o.chosen === 0)) {
    flags.push("unused-distractor");
  }
  return flags;
}
