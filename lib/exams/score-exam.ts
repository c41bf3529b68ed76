import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";

/** Unanswered counts as not correct. */
export type ExamItem = {
  questionId: string;
  domain: number;
  task: string;
  correct: boolean;
};

/** `percent` is 0..100 with one decimal, and 0 when `total` is 0. */
export type ScoreBreakdown = {
  correct: number;
  total: number;
  percent: number;
};

export type ExamScore = ScoreBreakdown & {
  /** An estimate on the blueprint's scale: see decision 006. */
  scaled: number;
  passed: boolean;
  domains: (ScoreBreakdown & {
    number: number;
    title: string;
    weight: number;
  })[];
  /** Only the task statements that appeared, in blueprint order. */
  tasks: (ScoreBreakdown & { id: string; title: string; domain: number })[];
};

/**
 * Maps a share of correct answers (0..1) to the blueprint's scaled score.
 * AWS does not publish its mapping; this straight line is our estimate.
 */
export function scaledScore(share: number, score: Blueprint["score"]): number {
  if (Number.isNaN(share)) throw new Error("a score share must be a number");

  const clamped = Math.min(1, Math.max(0, share));
  return Math.round(score.min + (score.max - score.min) * clamped);
}

/**
 * The share correct, in percent with one decimal, at which the straight line
 * of scaledScore reaches the pass mark: 68.9 for 720 on 100–1000.
 */
export function passPercent(score: Blueprint["score"]): number {
  const share = (score.pass - score.min) / (score.max - score.min);
  return Math.round(1000 * share) / 10;
}

/** The blueprint's scale as the result and progress pages describe it. */
export function scoreScale(score: Blueprint["score"]) {
  return { min: score.min, max: score.max, passPercent: passPercent(score) };
}

/**
 * Scores a finished exam. Items whose domain or task statement is not in the
 * blueprint still count in the total, but in no breakdown.
 */
export function scoreExam(blueprint: Blueprint, items: ExamItem[]): ExamScore {
  const overall = breakdown(items);
  const scaled = scaledScore(
    overall.total === 0 ? 0 : overall.correct / overall.total,
    blueprint.score,
  );

  const domains = blueprint.domains.map((domain) => ({
    number: domain.number,
    title: domain.title,
    weight: domain.weight,
    ...breakdown(items.filter((item) => item.domain === domain.number)),
  }));

  const tasks = blueprint.domains.flatMap((domain) =>
    domain.tasks.flatMap((task) => {
      const asked = items.filter(
        (item) => item.domain === domain.number && item.task === task.id,
      );
      if (asked.length === 0) return [];
      return [
        {
          id: task.id,
          title: task.title,
          domain: domain.number,
          ...breakdown(asked),
        },
      ];
    }),
  );

  return {
    ...overall,
    scaled,
    passed: scaled >= blueprint.score.pass,
    domains,
    tasks,
  };
}

function breakdown(items: ExamItem[]): ScoreBreakdown {
  const correct = items.filter((item) => item.correct).length;
  const total = items.length;
  const percent = total === 0 ? 0 : Math.round((1000 * correct) / total) / 10;
  return { correct, total, percent };
}
