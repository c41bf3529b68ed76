import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";

export type BankEntry = { id: string; domain: number; task: string };

export type ExamPlan = {
  /** In the order they will be shown. */
  questionIds: string[];
  length: number;
  durationMinutes: number;
  /** True when the exam has fewer questions than the real one. */
  shortened: boolean;
  perDomain: { domain: number; count: number }[];
};

type Random = () => number;

/** A domain's questions, grouped by task statement. */
type DomainPool = { domain: number; weight: number; tasks: string[][] };

/**
 * Draws a mock exam in the blueprint's domain proportions.
 * `length` asks for a shorter exam (for example 10 for a quick one); default
 * is blueprint.questionCount. `random` returns numbers in [0, 1); inject it so
 * tests are deterministic.
 *
 * Seats go to domains by the largest-remainder method. When the bank cannot
 * fill a domain's share, the whole exam shrinks to the longest length whose
 * shares all fit, so the proportions stay those of the blueprint.
 */
export function drawExam(
  blueprint: Blueprint,
  bank: BankEntry[],
  options: { length?: number; random: () => number },
): ExamPlan {
  const requested = options.length ?? blueprint.questionCount;
  checkLength(requested, blueprint.questionCount);

  const pools = poolsByDomain(blueprint, bank);
  if (pools.every((pool) => pool.tasks.length === 0)) {
    throw new Error(`the question bank has no questions for ${blueprint.code}`);
  }

  const fit = longestFit(pools, requested);
  if (fit === null) {
    throw new Error(
      `the question bank cannot fill a ${blueprint.code} exam in its domain ` +
        `proportions (questions per domain: ${describeSizes(pools)})`,
    );
  }

  const picked = pools.flatMap((pool, index) =>
    pickAcrossTasks(pool.tasks, fit.seats[index] ?? 0, options.random),
  );
  return {
    questionIds: shuffle(picked, options.random),
    length: fit.length,
    durationMinutes: examMinutes(blueprint, fit.length),
    shortened: fit.length < blueprint.questionCount,
    perDomain: pools.map((pool, index) => ({
      domain: pool.domain,
      count: fit.seats[index] ?? 0,
    })),
  };
}

function checkLength(length: number, questionCount: number): void {
  if (!Number.isInteger(length) || length < 1 || length > questionCount) {
    throw new Error(
      `an exam needs a whole number of questions from 1 to ${questionCount}, ` +
        `not ${length}`,
    );
  }
}

function poolsByDomain(blueprint: Blueprint, bank: BankEntry[]): DomainPool[] {
  const unique = [...new Map(bank.map((entry) => [entry.id, entry])).values()];

  return blueprint.domains.map((domain) => {
    const byTask = new Map<string, string[]>();
    for (const entry of unique.filter((e) => e.domain === domain.number)) {
      byTask.set(entry.task, [...(byTask.get(entry.task) ?? []), entry.id]);
    }
    // Sorted so a seed gives the same exam whatever order the bank loads in.
    const tasks = [...byTask.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([, ids]) => ids.sort(compareText));
    return { domain: domain.number, weight: domain.weight, tasks };
  });
}

/**
 * Searches down from the requested length one step at a time: the largest
 * remainder method can give a domain fewer seats in a longer exam (the
 * Alabama paradox), so the lengths that fit need not form one range.
 */
function longestFit(
  pools: DomainPool[],
  requested: number,
): { length: number; seats: number[] } | null {
  const weights = pools.map((pool) => pool.weight);
  const sizes = pools.map((pool) => pool.tasks.flat().length);

  for (let length = requested; length >= 1; length--) {
    const seats = apportion(weights, length);
    if (seats.every((count, index) => count <= (sizes[index] ?? 0))) {
      return { length, seats };
    }
  }
  return null;
}

/** Largest remainder (Hamilton): floors first, then the biggest fractions. */
function apportion(weights: number[], length: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) throw new Error("the blueprint's domain weights add to 0");

  // The remainder is kept as length × weight − seats × total, exact for whole
  // weights, so equal fractions compare as equal.
  const shares = weights.map((weight, index) => {
    const seats = Math.floor((length * weight) / total);
    return { index, weight, seats, rest: length * weight - seats * total };
  });

  const left = length - shares.reduce((sum, share) => sum + share.seats, 0);
  const byRest = [...shares].sort(
    (a, b) => b.rest - a.rest || b.weight - a.weight || a.index - b.index,
  );
  for (const share of byRest.slice(0, left)) share.seats += 1;

  return shares.map((share) => share.seats);
}

/** Round-robin over the task statements, so short exams cover more of them. */
function pickAcrossTasks(
  tasks: string[][],
  count: number,
  random: Random,
): string[] {
  const queues = shuffle(tasks, random).map((ids) => shuffle(ids, random));
  const target = Math.min(count, queues.flat().length);
  const picked: string[] = [];

  while (picked.length < target) {
    for (const queue of queues) {
      if (picked.length === target) break;
      const id = queue.pop();
      if (id !== undefined) picked.push(id);
    }
  }
  return picked;
}

/** Fisher–Yates on a copy. */
function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    // Guards against a generator that returns exactly 1.
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    const swap = out[i] as T;
    out[i] = out[j] as T;
    out[j] = swap;
  }
  return out;
}

/** The real exam's minutes per question, at least one minute. */
function examMinutes(blueprint: Blueprint, length: number): number {
  return Math.max(
    1,
    Math.round((blueprint.durationMinutes * length) / blueprint.questionCount),
  );
}

function describeSizes(pools: DomainPool[]): string {
  return pools
    .map((pool) => `${pool.domain}: ${pool.tasks.flat().length}`)
    .join(", ");
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
