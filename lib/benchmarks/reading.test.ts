import { describe, expect, it } from "vitest";

import type {
  BenchmarkReport,
  Latency,
  StoreRun,
} from "@/lib/benchmarks/benchmark-report";
import { readingOf } from "@/lib/benchmarks/reading";

const latency = (p50Ms: number, opsPerSecond: number): Latency => ({
  p50Ms,
  p99Ms: p50Ms * 3,
  opsPerSecond,
  errors: 0,
});

function store(
  name: string,
  inFlight: 1 | 64,
  read: Latency,
  write: Latency,
): StoreRun {
  return { store: name, durability: "test", inFlight, read, write };
}

function report(stores: StoreRun[]): BenchmarkReport {
  return {
    version: 1,
    ranAt: "2026-12-04T00:00:00.000Z",
    commit: "abc1234",
    machine: {
      cpus: 2,
      model: "test",
      memoryGb: 1,
      node: "v20",
      loadAverageAtStart: [0],
    },
    goals: [],
    requests: [],
    sessionLayer: [],
    stores,
    load: [],
    soak: null,
  };
}

describe("readingOf", () => {
  it("compares write throughput with the fastest and slowest durable store", () => {
    const [writes] = readingOf(
      report([
        store("Memcached", 64, latency(0.4, 100_000), latency(0.5, 80_000)),
        store("PostgreSQL", 64, latency(5, 10_000), latency(9, 8_000)),
        store("SQLite", 64, latency(0.2, 200_000), latency(20, 2_000)),
      ]),
    );
    expect(writes).toContain("80,000 a second");
    expect(writes).toContain("10.0× the fastest store that syncs every write");
    expect(writes).toContain("(PostgreSQL) and 40.0× the slowest (SQLite)");
    expect(writes).toContain("this is where a cache earns its place");
  });

  it("does not claim the cache won writes when a durable store kept up", () => {
    const [writes] = readingOf(
      report([
        store("Memcached", 64, latency(0.4, 100_000), latency(0.5, 8_000)),
        store("SQLite", 64, latency(0.2, 200_000), latency(1, 9_000)),
      ]),
    );
    expect(writes).toContain("0.9× the fastest");
    expect(writes).toContain("Here SQLite kept up with the cache");
    expect(writes).not.toContain("earns its place");
  });

  it("prints sub-hundredth reads with three decimals rather than as zero", () => {
    const sentences = readingOf(
      report([
        store("Memcached", 1, latency(0.073, 10_000), latency(0.09, 9_000)),
        store("SQLite", 1, latency(0.004, 90_000), latency(0.2, 2_000)),
      ]),
    );
    expect(sentences.find((s) => s.startsWith("One read"))).toContain(
      "SQLite 0.004 ms",
    );
  });

  it("says so when a database on the same host reads as fast as the cache", () => {
    const sentences = readingOf(
      report([
        store("Memcached", 1, latency(0.08, 10_000), latency(0.09, 9_000)),
        store("SQLite", 1, latency(0.01, 90_000), latency(0.2, 2_000)),
        store("PostgreSQL", 1, latency(0.12, 5_000), latency(2, 400)),
      ]),
    );
    const reads = sentences.find((s) => s.startsWith("One read"));
    expect(reads).toContain("On one host SQLite read as fast or faster");
    expect(reads).not.toContain("PostgreSQL read as fast");
  });

  it("says the cache won single reads when it did", () => {
    const sentences = readingOf(
      report([
        store("Memcached", 1, latency(0.05, 10_000), latency(0.09, 9_000)),
        store("PostgreSQL", 1, latency(0.12, 5_000), latency(2, 400)),
      ]),
    );
    expect(sentences.find((s) => s.startsWith("One read"))).toContain(
      "Here the cache also won single reads",
    );
  });
});
