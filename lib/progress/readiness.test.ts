import { describe, expect, it } from "vitest";

import { scaledScore } from "@/lib/exams/score-exam";
import {
  estimateReadiness,
  normalCdf,
  type ReadinessAttempt,
} from "@/lib/progress/readiness";
import { TEST_BLUEPRINT } from "@/lib/testing/blueprint-fixture";

const blueprint = TEST_BLUEPRINT;

const start = Date.UTC(2026, 10, 1);

function attempt(
  domain: number,
  correct: boolean,
  minute: number,
): ReadinessAttempt {
  const createdAt = new Date(start + minute * 60_000).toISOString();
  return { domain, correct, createdAt };
}

/** `[answered, correct]` per domain, one minute apart from `firstMinute`. */
function history(
  perDomain: [number, number][],
  firstMinute = 0,
): ReadinessAttempt[] {
  let minute = firstMinute;
  return perDomain.flatMap(([answered, correct], index) =>
    Array.from({ length: answered }, (_, i) =>
      attempt(index + 1, i < correct, minute++),
    ),
  );
}

describe("estimateReadiness", () => {
  it("falls back to a wide range around the middle with no answers", () => {
    // Prior mean 0.5 everywhere gives 550; the spread of four uniform priors
    // and of one sitting gives 316–784.
    const readiness = estimateReadiness(blueprint, []);

    expect(readiness).toMatchObject({ answered: 0, estimate: 550 });
    expect([readiness.low, readiness.high]).toEqual([316, 784]);
    expect(readiness.domains.every((d) => d.accuracy === null)).toBe(true);
    expect(readiness.sentence).toBe(
      "Answer some questions and we will estimate your score.",
    );
  });

  it("estimates near the top when every answer in every domain is right", () => {
    const all = history([
      [50, 50],
      [50, 50],
      [50, 50],
      [50, 50],
    ]);

    const readiness = estimateReadiness(blueprint, all);

    // 51/52 per domain: 100 + 900 × 0.981 = 983.
    expect(readiness.estimate).toBe(983);
    expect(readiness.high).toBe(1000);
    expect(readiness.passProbability).toBeGreaterThan(0.999);
  });

  it("lets the weights pull down a learner strong in domain 1 only", () => {
    // 165 of 180 right is 92% raw, but domain 1 is only 32% of the exam:
    // 0.32 × 151/152 + 0.68 × 6/12 = 0.658, which maps to 692.
    const lopsided = history([
      [150, 150],
      [10, 5],
      [10, 5],
      [10, 5],
    ]);

    const readiness = estimateReadiness(blueprint, lopsided);

    expect(scaledScore(165 / 180, blueprint.score)).toBe(925);
    expect(readiness.estimate).toBe(692);
    expect(readiness.passProbability).toBeLessThan(0.5);
  });

  it("narrows the range as answers accumulate at the same accuracy", () => {
    const few = estimateReadiness(
      blueprint,
      history([
        [5, 4],
        [5, 4],
        [5, 4],
        [5, 4],
      ]),
    );
    const many = estimateReadiness(
      blueprint,
      history([
        [50, 40],
        [50, 40],
        [50, 40],
        [50, 40],
      ]),
    );

    expect(many.high - many.low).toBeLessThan(few.high - few.low);
  });

  it("uses only the most recent answers and ignores older wrong ones", () => {
    const recent = history(
      [
        [50, 50],
        [50, 50],
        [50, 50],
        [50, 50],
      ],
      1000,
    );
    const old = history([
      [75, 0],
      [75, 0],
      [75, 0],
      [75, 0],
    ]);

    const mixed = estimateReadiness(blueprint, [...recent, ...old].reverse());
    const recentOnly = estimateReadiness(blueprint, recent);

    expect(mixed.answered).toBe(200);
    expect({ ...mixed, sentence: "" }).toEqual({ ...recentOnly, sentence: "" });
    expect(mixed.sentence).toMatch(/^From your last 200 answers,/);
  });

  it("takes the window size from the recent option", () => {
    const wrongThenRight = [...history([[10, 0]]), ...history([[10, 10]], 100)];

    const readiness = estimateReadiness(blueprint, wrongThenRight, {
      recent: 10,
    });

    expect(readiness.answered).toBe(10);
    expect(readiness.domains[0]).toEqual({
      number: 1,
      weight: 32,
      answered: 10,
      accuracy: 1,
    });
  });

  it("explains the estimate in one sentence with its numbers", () => {
    const readiness = estimateReadiness(
      blueprint,
      history([
        [36, 30],
        [36, 27],
        [36, 26],
        [35, 22],
      ]),
    );

    expect(readiness.sentence).toBe(
      "From your 143 answers, weighted by the exam's domains, we estimate " +
        "762 (90% range 657–866), a 74% chance of reaching 720.",
    );
  });

  it("says an 81% chance, not a 81% chance", () => {
    const readiness = estimateReadiness(
      blueprint,
      history([
        [50, 40],
        [50, 38],
        [50, 37],
        [50, 35],
      ]),
    );

    expect(readiness.sentence).toContain("773 (90% range 672–873)");
    expect(readiness.sentence).toContain("an 81% chance of reaching 720");
  });

  it("ignores answers from domains the blueprint does not have", () => {
    const stray = Array.from({ length: 20 }, (_, i) => attempt(9, true, i));

    expect(estimateReadiness(blueprint, stray)).toEqual(
      estimateReadiness(blueprint, []),
    );
  });

  it("refuses a window smaller than one answer", () => {
    expect(() => estimateReadiness(blueprint, [], { recent: 0 })).toThrow(
      "recent must be a whole number above 0, not 0",
    );
  });
});

describe("normalCdf", () => {
  it("matches the standard normal table to within 1e-6", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.645)).toBeCloseTo(0.950015, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024998, 6);
  });

  it("stays within 0 and 1 far out in the tails", () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });
});
