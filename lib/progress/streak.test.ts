import { describe, expect, it } from "vitest";

import { studyStreak } from "@/lib/progress/streak";

const today = "2026-12-03";

describe("studyStreak", () => {
  it("is zero with no study days", () => {
    expect(studyStreak([], today)).toEqual({ current: 0, longest: 0 });
  });

  it("counts today alone as a one-day streak", () => {
    expect(studyStreak([today], today)).toEqual({ current: 1, longest: 1 });
  });

  it("keeps a streak that ended yesterday while today is still open", () => {
    const days = ["2026-12-01", "2026-12-02"];

    expect(studyStreak(days, today)).toEqual({ current: 2, longest: 2 });
  });

  it("breaks the streak once a whole day passes without study", () => {
    const days = ["2026-11-30", "2026-12-01"];

    expect(studyStreak(days, today)).toEqual({ current: 0, longest: 2 });
  });

  it("counts only the days after the last gap", () => {
    const days = [
      "2026-11-28",
      "2026-11-29",
      "2026-12-01",
      "2026-12-02",
      today,
    ];

    expect(studyStreak(days, today)).toEqual({ current: 3, longest: 3 });
  });

  it("remembers a longer streak from the past", () => {
    const days = [
      "2026-11-01",
      "2026-11-02",
      "2026-11-03",
      "2026-11-04",
      "2026-11-05",
      "2026-12-02",
      today,
    ];

    expect(studyStreak(days, today)).toEqual({ current: 2, longest: 5 });
  });

  it("accepts duplicates and any order", () => {
    const days = [today, "2026-12-01", today, "2026-12-02", "2026-12-01"];

    expect(studyStreak(days, today)).toEqual({ current: 3, longest: 3 });
  });

  it("runs across a month end and a leap day", () => {
    const days = ["2028-02-28", "2028-02-29", "2028-03-01"];

    expect(studyStreak(days, "2028-03-01")).toEqual({ current: 3, longest: 3 });
  });

  it("ignores days after today", () => {
    const days = [today, "2026-12-04", "2026-12-05"];

    expect(studyStreak(days, today)).toEqual({ current: 1, longest: 1 });
  });

  it("rejects a day that is not on the calendar", () => {
    expect(() => studyStreak(["2026-02-30"], today)).toThrow(
      '"2026-02-30" is not a YYYY-MM-DD calendar day',
    );
  });
});
