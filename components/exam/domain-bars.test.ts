import { describe, expect, it } from "vitest";

import { barData, describeRow } from "@/components/exam/domain-bars";

describe("barData", () => {
  it("draws an empty bar noted 'no answers yet' for a domain without answers, and 0% only for one answered all wrong", () => {
    const rows = [
      { label: "1. Development", percent: null },
      { label: "2. Security", percent: 0 },
      { label: "3. Deployment", percent: 75 },
    ];

    expect(barData(rows)).toEqual([
      { label: "1. Development", percent: 0, note: "no answers yet" },
      { label: "2. Security", percent: 0, note: "" },
      { label: "3. Deployment", percent: 75, note: "" },
    ]);
    expect(rows.map(describeRow)).toEqual([
      "1. Development: no answers yet",
      "2. Security: 0%",
      "3. Deployment: 75%",
    ]);
  });
});
