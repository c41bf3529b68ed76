import { describe, expect, it } from "vitest";

import {
  GROUP_SHARE,
  analyseItems,
  type AttemptRow,
  type ItemStats,
} from "@/lib/instructors/item-analysis";
import {
  COHORT,
  FIRSTS,
  LETTERS,
  Q1,
  Q3,
  QUESTIONS,
  RETRIES,
  firstRows,
  question,
  row,
} from "@/lib/testing/item-analysis-fixture";

function statsFor(stats: ItemStats[], id: string): ItemStats {
  const found = stats.find((s) => s.questionId === id);
  if (!found) throw new Error(`no stats for ${id}`);
  return found;
}

function analyseCohort(minAttempts = 10) {
  return analyseItems(QUESTIONS, COHORT, { minAttempts });
}

// The class of twelve is drawn in lib/testing/item-analysis-fixture.ts.
describe("analyseItems", () => {
  it("counts facility, option shares and time over first attempts only", () => {
    // L12's second try at Q1 (correct, 5 s) and L01's at Q2 are ignored.
    // Q1 time: (10 · 30 s + 63 s) / 11 timed attempts = 33 s.
    const q1 = statsFor(analyseCohort(), "Q1");

    expect(q1).toMatchObject({ attempts: 12, learners: 12 });
    expect(q1.facility).toBeCloseTo(7 / 12);
    expect(q1.averageTimeMs).toBe(33_000);
    expect(q1.options.map((o) => [o.letter, o.keyed, o.chosen])).toEqual([
      ["A", false, 2],
      ["B", true, 7],
      ["C", false, 2],
      ["D", false, 1],
    ]);
    expect(q1.options[1]?.share).toBeCloseTo(7 / 12);
  });

  it("ranks learners by their score on the other questions only", () => {
    // Rest score for Q1 = share correct on Q2 and Q3:
    //   1   L05, L07
    //   1/2 L01 L02 L03 L04 L08 L09 L10 L12
    //   0   L06, L11
    // Upper L05 L07 L01 got Q1 1, 0, 1 = 2/3; lower L12 L06 L11 got 0, 1, 0 =
    // 1/3; D = 1/3.
    // Ranked by the total including Q1 (L05; L01–L04 L07 L08; L06 L09 L10
    // L12; L11) the upper group L05 L01 L02 all got Q1 and the lower group
    // L10 L12 L11 none, so the uncorrected D would be 1.
    const q1 = statsFor(analyseCohort(), "Q1");

    expect(q1.discrimination).toBeCloseTo(1 / 3);
    expect(q1.flags).toEqual([]);
  });

  it("flags negative discrimination on a question keyed wrong", () => {
    // Rest score for Q2 = share correct on Q1 and Q3:
    //   1   L01 L02 L03 L04 L05
    //   1/2 L06 L07 L08
    //   0   L09 L10 L11 L12
    // Upper L01 L02 L03 all chose A, the real answer: 0/3. Lower L10 L11 L12
    // got 1, 0, 1 = 2/3. D = −2/3.
    const q2 = statsFor(analyseCohort(), "Q2");

    expect(q2.facility).toBe(0.5);
    expect(q2.discrimination).toBeCloseTo(-2 / 3);
    expect(q2.flags).toEqual(["negative-discrimination"]);
  });

  it("flags a distractor that nobody chose", () => {
    // Rest score for Q3 = share correct on Q1 and Q2:
    //   1   L05, L08
    //   1/2 L01 L02 L03 L04 L06 L07 L09 L10 L12
    //   0   L11
    // Upper L05 L08 L01 got Q3 1, 0, 1 = 2/3; lower L10 L12 L11 none; D = 2/3.
    const q3 = statsFor(analyseCohort(), "Q3");

    expect(q3.discrimination).toBeCloseTo(2 / 3);
    expect(q3.options[0]).toEqual({
      letter: "A",
      keyed: false,
      chosen: 0,
      share: 0,
    });
    expect(q3.flags).toEqual(["unused-distractor"]);
  });

  it("breaks ties by learner id, so row order cannot change the groups", () => {
    // Ordered by arrival instead, the reversed rows would put L12 in Q1's
    // upper group and L01 in its lower one, giving D = −1/3.
    const reversed = [...firstRows([...FIRSTS].reverse()), ...RETRIES];

    expect(analyseItems(QUESTIONS, reversed, { minAttempts: 10 })).toEqual(
      analyseCohort(),
    );
  });

  it("measures discrimination as Kelley's upper–lower 27% index, blind to the middle of the class", () => {
    // Twenty learners; learner n got n of 19 other questions right, so the
    // rest scores are all different. Groups of floor(0.27 · 20) = 5: the top
    // five (n = 15..19) got X right 4 times, the bottom five (n = 0..4) once.
    // D = 4/5 − 1/5 = 0.6 whatever the middle ten answered, which a
    // correlation with the rest score, as Moodle reports, would not be.
    const x = question("X", ["A"]);
    const others = Array.from({ length: 19 }, (_, i) =>
      question(`O${i}`, ["A"]),
    );
    const learners = Array.from(
      { length: 20 },
      (_, n) => `P${String(n).padStart(2, "0")}`,
    );
    const classWhere = (middleRight: boolean) =>
      learners.flatMap((id, n) => [
        ...others.map((other, i) => row(id, other, [i < n ? "A" : "B"])),
        row(id, x, [
          (n >= 15 ? n !== 15 : n < 5 ? n === 0 : middleRight) ? "A" : "B",
        ]),
      ]);

    const discriminationOfX = (middleRight: boolean) =>
      analyseItems([x, ...others], classWhere(middleRight))[0]?.discrimination;

    expect(GROUP_SHARE).toBe(0.27);
    expect(discriminationOfX(true)).toBeCloseTo(0.6);
    expect(discriminationOfX(false)).toBeCloseTo(0.6);
  });

  it("raises only few-attempts below the minimum but still reports D", () => {
    // Twelve attempts each, below the default minimum of 20.
    const stats = analyseItems(QUESTIONS, COHORT);

    expect(stats.map((s) => s.flags)).toEqual([
      ["few-attempts"],
      ["few-attempts"],
      ["few-attempts"],
    ]);
    expect(statsFor(stats, "Q2").discrimination).toBeCloseTo(-2 / 3);
  });

  it("counts a multiple-response attempt once per option chosen", () => {
    const item = question("M1", ["A", "D"], ["A", "B", "C", "D", "E"]);
    const rows = [
      row("P1", item, ["A", "D"]),
      row("P2", item, ["D", "A"]),
      row("P3", item, ["A", "B"]),
      row("P4", item, ["D"]),
    ];

    const [stats] = analyseItems([item], rows, { minAttempts: 4 });

    // Shares add up to 7/4: three attempts picked two options each.
    expect(stats?.facility).toBe(0.5);
    expect(stats?.options).toEqual([
      { letter: "A", keyed: true, chosen: 3, share: 0.75 },
      { letter: "B", keyed: false, chosen: 1, share: 0.25 },
      { letter: "C", keyed: false, chosen: 0, share: 0 },
      { letter: "D", keyed: true, chosen: 3, share: 0.75 },
      { letter: "E", keyed: false, chosen: 0, share: 0 },
    ]);
    expect(stats?.flags).toEqual(["unused-distractor"]);
  });

  it("leaves discrimination null with fewer than ten ranked learners", () => {
    const x = question("X", ["A"]);
    const y = question("Y", ["A"]);
    const both = (id: string) => [row(id, x, ["A"]), row(id, y, ["A"])];
    const nine = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];
    const nineRows = nine.flatMap(both);

    const discriminationOfX = (rows: AttemptRow[]) =>
      analyseItems([x, y], rows)[0]?.discrimination;

    expect(discriminationOfX(nineRows)).toBeNull();
    // Everyone right: both groups score 2/2, D = 0.
    expect(discriminationOfX([...nineRows, ...both("P10")])).toBe(0);
    // A tenth learner with no other answer has no rest score to rank by.
    expect(discriminationOfX([...nineRows, row("P10", x, ["A"])])).toBeNull();
  });

  it("flags very easy above 0.9 and very hard below 0.2 facility", () => {
    // Each item gets its own 20 learners; the wrong ones cycle B, C, D.
    const items = [
      question("E95", ["A"]),
      question("E90", ["A"]),
      question("H20", ["A"]),
      question("H15", ["A"]),
    ];
    const rightCounts = [19, 18, 4, 3];
    const rows = items.flatMap((item, i) =>
      Array.from({ length: 20 }, (_, n) =>
        row(`${item.id}-${n}`, item, [
          n < (rightCounts[i] ?? 0) ? "A" : (LETTERS[1 + (n % 3)] ?? "B"),
        ]),
      ),
    );

    const stats = analyseItems(items, rows);

    expect(stats.map((s) => s.facility)).toEqual([0.95, 0.9, 0.2, 0.15]);
    expect(stats.map((s) => s.flags.includes("very-easy"))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(stats.map((s) => s.flags.includes("very-hard"))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it("keeps the order of the questions given, even with no attempts", () => {
    expect(analyseItems([], [])).toEqual([]);

    const stats = analyseItems([Q3, Q1], []);

    expect(stats.map((s) => s.questionId)).toEqual(["Q3", "Q1"]);
    expect(stats[1]).toEqual({
      questionId: "Q1",
      attempts: 0,
      learners: 0,
      facility: null,
      discrimination: null,
      averageTimeMs: null,
      options: LETTERS.map((letter) => ({
        letter,
        keyed: letter === "B",
        chosen: 0,
        share: 0,
      })),
      flags: ["few-attempts"],
    });
  });

  it("rejects a minimum that is not a whole number", () => {
    expect(() => analyseItems(QUESTIONS, COHORT, { minAttempts: -1 })).toThrow(
      "minAttempts must be a whole number",
    );
  });
});
