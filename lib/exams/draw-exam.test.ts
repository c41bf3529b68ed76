import { describe, expect, it } from "vitest";

import { drawExam, type BankEntry } from "@/lib/exams/draw-exam";
import { TEST_BLUEPRINT } from "@/lib/testing/blueprint-fixture";

const blueprint = TEST_BLUEPRINT;

/** A bank with `counts[task]` questions for each task statement. */
function bankOf(counts: Record<string, number>): BankEntry[] {
  return Object.entries(counts).flatMap(([task, count]) =>
    Array.from({ length: count }, (_, i) => ({
      id: `q-${task}-${i + 1}`,
      domain: Number(task.split(".")[0]),
      task,
    })),
  );
}

// Today's bank: 61 questions, 15/15/16/15 per domain.
const realBank = bankOf({
  "1.1": 5,
  "1.2": 5,
  "1.3": 5,
  "2.1": 5,
  "2.2": 5,
  "2.3": 5,
  "3.1": 4,
  "3.2": 4,
  "3.3": 4,
  "3.4": 4,
  "4.1": 5,
  "4.2": 5,
  "4.3": 5,
});

const fullBank = bankOf(
  Object.fromEntries(
    blueprint.domains.flatMap((d) => d.tasks.map((t) => [t.id, 20])),
  ),
);

/** mulberry32: a tiny seeded generator, so every draw here is repeatable. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function domainOf(id: string, bank: BankEntry[]): number | undefined {
  return bank.find((entry) => entry.id === id)?.domain;
}

describe("drawExam", () => {
  it("shrinks the full exam to the longest length today's bank can fill faithfully", () => {
    // Domain 1 has 15 questions. From 50 up, 0.32 × L ≥ 16, so domain 1
    // would need 16 or more. L = 49: quotas 15.68, 12.74, 11.76, 8.82, floors
    // 15/12/11/8 = 46, the 3 left go to the largest remainders .82 (4),
    // .76 (3) and .74 (2): 15/13/12/9, which fits 15/15/16/15.
    const plan = drawExam(blueprint, realBank, { random: seeded(1) });

    expect(plan.length).toBe(49);
    expect(plan.questionIds).toHaveLength(49);
    expect(plan.shortened).toBe(true);
    expect(plan.perDomain).toEqual([
      { domain: 1, count: 15 },
      { domain: 2, count: 13 },
      { domain: 3, count: 12 },
      { domain: 4, count: 9 },
    ]);
  });

  it("gives each domain exactly its apportioned count, with no repeats", () => {
    const plan = drawExam(blueprint, realBank, { random: seeded(2) });

    const counts = [1, 2, 3, 4].map(
      (d) =>
        plan.questionIds.filter((id) => domainOf(id, realBank) === d).length,
    );
    expect(counts).toEqual([15, 13, 12, 9]);
    expect(new Set(plan.questionIds).size).toBe(plan.questionIds.length);
  });

  it("keeps the real exam's two minutes per question", () => {
    // 130 × 49 / 65 = 98.
    const plan = drawExam(blueprint, realBank, { random: seeded(3) });

    expect(plan.durationMinutes).toBe(98);
  });

  it("draws the same exam for the same seed and another for another seed", () => {
    const first = drawExam(blueprint, realBank, { random: seeded(7) });
    const again = drawExam(blueprint, realBank, { random: seeded(7) });
    const other = drawExam(blueprint, realBank, { random: seeded(8) });

    expect(again).toEqual(first);
    expect(other.questionIds).not.toEqual(first.questionIds);
  });

  it("draws the same exam whatever order the bank is listed in", () => {
    const reversed = [...realBank].reverse();

    expect(drawExam(blueprint, reversed, { random: seeded(5) })).toEqual(
      drawExam(blueprint, realBank, { random: seeded(5) }),
    );
  });

  it("splits a 10-question exam 3/3/2/2 in 20 minutes", () => {
    // Quotas 3.2, 2.6, 2.4, 1.8; floors 3/2/2/1 = 8; the 2 left go to the
    // largest remainders .8 (domain 4) and .6 (domain 2).
    const plan = drawExam(blueprint, realBank, {
      length: 10,
      random: seeded(4),
    });

    expect(plan.perDomain.map((d) => d.count)).toEqual([3, 3, 2, 2]);
    expect(plan.length).toBe(10);
    expect(plan.durationMinutes).toBe(20);
    expect(plan.shortened).toBe(true);
  });

  it("covers a different task statement with every question of a short exam", () => {
    // Each domain's seats (3/3/2/2) are no more than its task statements, so
    // the round-robin never returns to a task statement.
    const plan = drawExam(blueprint, realBank, {
      length: 10,
      random: seeded(9),
    });

    const tasks = new Set(
      plan.questionIds.map((id) => realBank.find((e) => e.id === id)?.task),
    );
    expect(tasks.size).toBe(10);
  });

  it("draws the full 65 questions in 130 minutes from a large enough bank", () => {
    // Quotas 20.8, 16.9, 15.6, 11.7; floors 20/16/15/11 = 62; the 3 left go
    // to .9 (domain 2), .8 (domain 1) and .7 (domain 4): 21/17/15/12.
    const plan = drawExam(blueprint, fullBank, { random: seeded(6) });

    expect(plan.length).toBe(65);
    expect(plan.durationMinutes).toBe(130);
    expect(plan.shortened).toBe(false);
    expect(plan.perDomain.map((d) => d.count)).toEqual([21, 17, 15, 12]);
    expect(new Set(plan.questionIds).size).toBe(65);
  });

  it("ignores questions from domains the blueprint does not have", () => {
    const stray = Array.from({ length: 30 }, (_, i) => ({
      id: `stray-${i}`,
      domain: 9,
      task: "9.1",
    }));

    const plan = drawExam(blueprint, [...stray, ...realBank], {
      random: seeded(10),
    });

    expect(plan.length).toBe(49);
    expect(plan.questionIds.some((id) => id.startsWith("stray"))).toBe(false);
  });

  it("throws when the bank has nothing for the exam", () => {
    expect(() => drawExam(blueprint, [], { random: seeded(1) })).toThrow(
      "the question bank has no questions for dva-c02",
    );
  });

  it("throws when the largest domain has no questions at all", () => {
    // Every length gives domain 1 at least one seat, so nothing fits.
    const bank = realBank.filter((entry) => entry.domain !== 1);

    expect(() => drawExam(blueprint, bank, { random: seeded(1) })).toThrow(
      "questions per domain: 1: 0, 2: 15, 3: 16, 4: 15",
    );
  });

  it("refuses a length below one or above the real exam", () => {
    const random = seeded(1);

    expect(() => drawExam(blueprint, realBank, { length: 0, random })).toThrow(
      "from 1 to 65, not 0",
    );
    expect(() => drawExam(blueprint, realBank, { length: 66, random })).toThrow(
      "from 1 to 65, not 66",
    );
  });
});
