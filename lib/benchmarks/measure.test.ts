import { describe, expect, it } from "vitest";

import { measureInFlight, percentile } from "@/lib/benchmarks/measure";

describe("percentile", () => {
  it("takes the nearest rank, so p50 of 1..10 is 5 and p99 is 10", () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
  });

  it("is zero when nothing was measured", () => {
    expect(percentile([], 50)).toBe(0);
  });
});

describe("measureInFlight", () => {
  it("never has more operations in flight than asked", async () => {
    let running = 0;
    let most = 0;
    await measureInFlight(
      async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
      },
      { inFlight: 4, milliseconds: 10_000, maxOperations: 40 },
    );
    expect(most).toBe(4);
  });

  it("stops at the operation count and counts failures as errors", async () => {
    let calls = 0;
    const result = await measureInFlight(
      async (index) => {
        calls++;
        if (index % 2 === 1) throw new Error("refused");
      },
      { inFlight: 2, milliseconds: 10_000, maxOperations: 10 },
    );
    expect(calls).toBe(10);
    expect(result.errors).toBe(5);
  });
});
