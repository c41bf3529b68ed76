import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import { scaledScore } from "@/lib/exams/score-exam";

/** `createdAt` is an ISO timestamp. */
export type ReadinessAttempt = {
  domain: number;
  correct: boolean;
  createdAt: string;
};

export type Readiness = {
  /** Attempts used. */
  answered: number;
  /** Scaled score estimate. */
  estimate: number;
  /** 90% range of the scaled score on one sitting, clamped to the scale. */
  low: number;
  high: number;
  /** 0..1 */
  passProbability: number;
  /** `accuracy` is the plain share correct, 0..1, null with no answers. */
  domains: {
    number: number;
    weight: number;
    answered: number;
    accuracy: number | null;
  }[];
  /** One plain sentence explaining the estimate, for the page. */
  sentence: string;
};

const DEFAULT_RECENT = 200;

// The two-sided 90% point of the standard normal.
const Z90 = 1.645;

export type DomainTally = {
  number: number;
  weight: number;
  answered: number;
  correct: number;
};

/**
 * Estimates the learner's scaled score from their recent answers: a Beta(1, 1)
 * prior per domain, weighted by the blueprint, plus the luck of drawing one
 * exam of `scoredCount` questions. See decision 006.
 */
export function estimateReadiness(
  blueprint: Blueprint,
  attempts: ReadinessAttempt[],
  options?: { recent?: number },
): Readiness {
  const recent = options?.recent ?? DEFAULT_RECENT;
  if (!Number.isInteger(recent) || recent < 1) {
    throw new Error(`recent must be a whole number above 0, not ${recent}`);
  }

  const known = new Set(blueprint.domains.map((d) => d.number));
  const eligible = attempts.filter((a) => known.has(a.domain));
  const used = newestFirst(eligible).slice(0, recent);
  const readiness = estimateFromTallies(blueprint, tally(blueprint, used));

  const truncated = eligible.length > used.length;
  return {
    ...readiness,
    sentence: describe(readiness, truncated, blueprint.score.pass),
  };
}

/**
 * The same estimate from answers already counted per domain, for tables of
 * many learners where SQL does the counting.
 */
export function estimateFromTallies(
  blueprint: Blueprint,
  tallies: DomainTally[],
): Omit<Readiness, "sentence"> {
  const { mean, sd } = predictScore(tallies, blueprint.scoredCount);
  const { score } = blueprint;
  const cut = (score.pass - score.min) / (score.max - score.min);
  return {
    answered: tallies.reduce((sum, t) => sum + t.answered, 0),
    estimate: scaledScore(mean, score),
    low: scaledScore(mean - Z90 * sd, score),
    high: scaledScore(mean + Z90 * sd, score),
    passProbability: normalCdf((mean - cut) / sd),
    domains: tallies.map((t) => ({
      number: t.number,
      weight: t.weight,
      answered: t.answered,
      accuracy: t.answered === 0 ? null : t.correct / t.answered,
    })),
  };
}

/**
 * The standard normal CDF through Abramowitz and Stegun 7.1.26 for erf,
 * whose error is below 1.5e-7: far finer than a whole scaled point.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 +
      t *
        (-0.284496736 +
          t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);

  const cdf = z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  return Math.min(1, Math.max(0, cdf));
}

function newestFirst(attempts: ReadinessAttempt[]): ReadinessAttempt[] {
  const time = (a: ReadinessAttempt) => {
    const ms = Date.parse(a.createdAt);
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  return [...attempts].sort((a, b) => time(b) - time(a));
}

function tally(
  blueprint: Blueprint,
  attempts: ReadinessAttempt[],
): DomainTally[] {
  return blueprint.domains.map((domain) => {
    const mine = attempts.filter((a) => a.domain === domain.number);
    return {
      number: domain.number,
      weight: domain.weight,
      answered: mine.length,
      correct: mine.filter((a) => a.correct).length,
    };
  });
}

/**
 * Mean and spread of the share a learner would score on one real exam.
 * The spread has two parts (the law of total variance): what we do not know
 * about their accuracy, and the luck of which questions one sitting draws.
 */
function predictScore(
  tallies: DomainTally[],
  examQuestions: number,
): { mean: number; sd: number } {
  const totalWeight = tallies.reduce((sum, t) => sum + t.weight, 0);
  if (totalWeight <= 0) throw new Error("the blueprint's weights add to 0");

  let mean = 0;
  let ability = 0;
  let luck = 0;
  for (const t of tallies) {
    const w = t.weight / totalWeight;
    const beta = posterior(t.correct, t.answered - t.correct);
    mean += w * beta.mean;
    ability += w * w * beta.variance;
    // A sitting gives the domain w × n questions, so its share varies by
    // E[p(1 − p)] / (w × n), which weighs in as w × E[p(1 − p)] / n.
    luck += (w * (beta.mean * (1 - beta.mean) - beta.variance)) / examQuestions;
  }
  return { mean, sd: Math.sqrt(ability + luck) };
}

/** Beta(1, 1) updated by the counts: uniform belief before any answer. */
function posterior(
  correct: number,
  wrong: number,
): { mean: number; variance: number } {
  const a = 1 + correct;
  const b = 1 + wrong;
  const n = a + b;
  return { mean: a / n, variance: (a * b) / (n * n * (n + 1)) };
}

function describe(
  r: Omit<Readiness, "sentence">,
  truncated: boolean,
  pass: number,
): string {
  if (r.answered === 0) {
    return "Answer some questions and we will estimate your score.";
  }

  const source =
    r.answered === 1
      ? "From your one answer"
      : truncated
        ? `From your last ${r.answered} answers`
        : `From your ${r.answered} answers`;
  return (
    `${source}, weighted by the exam's domains, we estimate ${r.estimate} ` +
    `(90% range ${r.low}–${r.high}), ${chance(r.passProbability)} of ` +
    `reaching ${pass}.`
  );
}

/** Never claims certainty the model does not have. */
function chance(probability: number): string {
  const percent = Math.round(probability * 100);
  if (percent >= 100) return "a better than 99% chance";
  if (percent <= 0) return "a less than 1% chance";
  return `${article(percent)} ${percent}% chance`;
}

/** "an 8%", "an 11%", "an 18%", "an 80%" to "an 89%": said with a vowel. */
function article(percent: number): string {
  const vowel =
    percent === 8 ||
    percent === 11 ||
    percent === 18 ||
    Math.floor(percent / 10) === 8;
  return vowel ? "an" : "a";
}
