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

/**
 * What one item's statistics are computed from. analyseItems gathers it from
 * attempt rows in memory; analyseItemsInDatabase has the database gather it;
 * both turn it into ItemStats with statsFromTally, so they agree.
 */
export type ItemTally = {
  attempts: number;
  correct: number;
  /** Attempts that recorded a time, and the sum of their times. */
  timed: number;
  totalTimeMs: number;
  /** Attempts that picked each letter; a letter counts once per attempt. */
  picks: ReadonlyMap<string, number>;
  /**
   * Learners with a rest score (see rank), and how many of the strongest
   * and of the weakest `groupSize(ranked)` got the item right.
   */
  ranked: number;
  upperCorrect: number;
  lowerCorrect: number;
};

/** A learner's first answers over all the questions analysed. */
export type LearnerTotal = { answered: number; correct: number };

/** One learner's first answer to an item: who, and whether it was right. */
export type FirstVerdict = { learnerId: string; correct: boolean };

type Ranked = { learnerId: string; rest: number; correct: boolean };

/** The minimum number of attempts below which only "few-attempts" is raised. */
export function minAttemptsOf(options?: { minAttempts?: number }): number {
  const minAttempts = options?.minAttempts ?? DEFAULT_MIN_ATTEMPTS;
  if (!Number.isInteger(minAttempts) || minAttempts < 0) {
    throw new Error(`minAttempts must be a whole number, not ${minAttempts}`);
  }
  return minAttempts;
}

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
  const minAttempts = minAttemptsOf(options);

  const known = new Set(questions.map((q) => q.id));
  const firsts = firstAttempts(attempts, known);
  const totals = learnerTotals(firsts);

  return questions.map((question) =>
    statsFromTally(
      question,
      tallyOf(firsts.get(question.id) ?? [], totals),
      minAttempts,
    ),
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
export function learnerTotals(
  firsts: ReadonlyMap<string, FirstVerdict[]>,
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

/** One item's tally from its first attempts, one row per learner. */
function tallyOf(
  rows: AttemptRow[],
  totals: Map<string, LearnerTotal>,
): ItemTally {
  const times = rows.flatMap((r) =>
    r.timeTakenMs === null ? [] : [r.timeTakenMs],
  );
  const picks = new Map<string, number>();
  // A letter repeated within one attempt still counts once for it.
  for (const letter of rows.flatMap((r) => [...new Set(r.chosen)]))
    picks.set(letter, (picks.get(letter) ?? 0) + 1);

  return {
    attempts: rows.length,
    correct: countCorrect(rows),
    timed: times.length,
    totalTimeMs: times.reduce((sum, t) => sum + t, 0),
    picks,
    ...extremeGroups(rows, totals),
  };
}

/**
 * The learners who answered an item ranked by rest score, and how many of
 * the strongest and of the weakest `groupSize` got it right.
 */
export function extremeGroups(
  verdicts: FirstVerdict[],
  totals: ReadonlyMap<string, LearnerTotal>,
): Pick<ItemTally, "ranked" | "upperCorrect" | "lowerCorrect"> {
  const ranked = rank(verdicts, totals);
  const size = groupSize(ranked.length);

  return {
    ranked: ranked.length,
    upperCorrect: countCorrect(ranked.slice(0, size)),
    lowerCorrect: countCorrect(ranked.slice(ranked.length - size)),
  };
}

/**
 * Learners who answered the item, best corrected total first. Learners with
 * no other question answered have no rest score and are left out: they say
 * nothing about whether strong learners do better on this item.
 */
function rank(
  verdicts: FirstVerdict[],
  totals: ReadonlyMap<string, LearnerTotal>,
): Ranked[] {
  const ranked = verdicts.flatMap((row) => {
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

function countCorrect(rows: { correct: boolean }[]): number {
  return rows.filter((r) => r.correct).length;
}

/** An item's statistics and flags from its tally. */
export function statsFromTally(
  question: QuestionInfo,
  tally: ItemTally,
  minAttempts: number,
): ItemStats {
  const { attempts } = tally;
  const facility = attempts === 0 ? null : tally.correct / attempts;
  const discrimination = upperLowerIndex(tally);
  const keyed = new Set(question.answer);
  const options = question.options.map((letter) => {
    const chosen = tally.picks.get(letter) ?? 0;
    return {
      letter,
      keyed: keyed.has(letter),
      chosen,
      share: attempts === 0 ? 0 : chosen / attempts,
    };
  });

  return {
    questionId: question.id,
    attempts,
    // One first attempt per learner, so as many learners as attempts.
    learners: attempts,
    facility,
    discrimination,
    averageTimeMs: tally.timed === 0 ? null : tally.totalTimeMs / tally.timed,
    options,
    flags: flagsFor(attempts, facility, discrimination, options, minAttempts),
  };
}

/** Floor(27% · n) learners, at least one. */
function groupSize(ranked: number): number {
  return Math.max(1, Math.floor(GROUP_SHARE * ranked));
}

/** D = p(upper) − p(lower); null below MIN_GROUP ranked learners. */
function upperLowerIndex(tally: ItemTally): number | null {
  if (tally.ranked < MIN_GROUP) return null;
  return (tally.upperCorrect - tally.lowerCorrect) / groupSize(tally.ranked);
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
