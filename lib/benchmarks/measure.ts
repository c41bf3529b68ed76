import type { Latency } from "@/lib/benchmarks/benchmark-report";

/** The value at a percentile of ascending samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type MeasureOptions = {
  inFlight: number;
  /** Stop starting new operations after this long… */
  milliseconds: number;
  /** …or after this many, whichever comes first. */
  maxOperations: number;
};

/**
 * Runs an operation with a fixed number in flight until the time or count
 * runs out, and summarises the latency of each call and the throughput of
 * all. A call that throws counts as an error and is not timed.
 */
export async function measureInFlight(
  operation: (index: number) => Promise<unknown>,
  { inFlight, milliseconds, maxOperations }: MeasureOptions,
): Promise<Latency> {
  const samples: number[] = [];
  let errors = 0;
  let started = 0;
  const cpuAtStart = process.cpuUsage();
  const begin = performance.now();
  const stopAt = begin + milliseconds;

  async function lane() {
    while (started < maxOperations && performance.now() < stopAt) {
      const index = started++;
      const t0 = performance.now();
      try {
        await operation(index);
        samples.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));

  const elapsedSeconds = (performance.now() - begin) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  samples.sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    opsPerSecond: Math.round(samples.length / elapsedSeconds),
    errors,
    cpuMicrosPerOp:
      started === 0
        ? 0
        : Math.round(((cpu.user + cpu.system) / started) * 10) / 10,
  };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Of several runs of one thing, the one with the median p50: on a shared
 * machine a single run can land on a busy moment.
 */
export function medianRun(runs: readonly Latency[]): Latency {
  if (runs.length === 0) throw new Error("medianRun needs at least one run");
  const sorted = [...runs].sort((a, b) => a.p50Ms - b.p50Ms);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
