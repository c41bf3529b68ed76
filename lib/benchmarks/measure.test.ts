import { describe, expect, it } from "vitest";

import type { Latency } from "@/lib/benchmarks/benchmark-report";
import {
  measureInFlight,
  medianRun,
  percentile,
} from "@/lib/benchmarks/measure";

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

  it("charges each operation the CPU time it burned", async () => {
    const busy = await measureInFlight(
      async () => {
        const until = performance.now() + 2;
        while (performance.now() < until);
      },
      { inFlight: 1, milliseconds: 10_000, maxOperations: 20 },
    );
    const idle = await measureInFlight(
      () => new Promise((resolve) => setTimeout(resolve, 2)),
      { inFlight: 1, milliseconds: 10_000, maxOperations: 20 },
    );
    expect(busy.cpuMicrosPerOp).toBeGreaterThanOrEqual(1_500);
    expect(idle.cpuMicrosPerOp).toBeLessThan(busy.cpuMicrosPerOp! / 2);
  });
});

describe("medianRun", () => {
  const run = (p50Ms: number): Latency => ({
    p50Ms,
    p99Ms: p50Ms * 2,
    opsPerSecond: 1,
    errors: 0,
  });

  it("keeps the run whose p50 is in the middle, whatever the order", () => {
    expect(medianRun([run(9), run(1), run(4)]).p50Ms).toBe(4);
  });

  it("keeps the lower middle run of an even count", () => {
    expect(medianRun([run(3), run(1), run(4), run(2)]).p50Ms).toBe(2);
  });
});
