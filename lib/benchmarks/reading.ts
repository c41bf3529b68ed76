import type {
  BenchmarkReport,
  StoreRun,
} from "@/lib/benchmarks/benchmark-report";

const ms = (value: number) =>
  value < 0.01
    ? `${value.toFixed(3)} ms`
    : value < 1
      ? `${value.toFixed(2)} ms`
      : `${value.toFixed(1)} ms`;
const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

function run(report: BenchmarkReport, store: string, inFlight: number) {
  return report.stores.find(
    (s) => s.store === store && s.inFlight === inFlight,
  );
}

/**
 * A short reading of a benchmark report, in sentences made from its own
 * figures: where Memcached wins and where it does not. Each sentence says
 * what the numbers say, whichever way they fall on the machine that ran it.
 */
export function readingOf(report: BenchmarkReport): string[] {
  const sentences: string[] = [];
  const cache = run(report, "Memcached", 64);
  const databases = ["PostgreSQL", "SQLite", "Shared files"]
    .map((name) => run(report, name, 64))
    .filter((s): s is StoreRun => s !== undefined);

  if (cache && databases.length > 0) {
    const slowest = databases.reduce((a, b) =>
      a.write.opsPerSecond < b.write.opsPerSecond ? a : b,
    );
    const fastest = databases.reduce((a, b) =>
      a.write.opsPerSecond > b.write.opsPerSecond ? a : b,
    );
    const won = cache.write.opsPerSecond > fastest.write.opsPerSecond;
    sentences.push(
      `Writes, with 64 in flight: Memcached took ` +
        `${cache.write.opsPerSecond.toLocaleString("en")} a second, ` +
        `${times(cache.write.opsPerSecond, fastest.write.opsPerSecond)} ` +
        `the fastest store that syncs every write to disk (${fastest.store})` +
        (slowest === fastest
          ? ". "
          : ` and ${times(cache.write.opsPerSecond, slowest.write.opsPerSecond)} ` +
            `the slowest (${slowest.store}). `) +
        (won
          ? "Sessions are written on most requests, so this is where a " +
            "cache earns its place."
          : `Here ${fastest.store} kept up with the cache, which a ` +
            "database on another host, a round trip away, would not."),
    );
  }

  const cacheOne = run(report, "Memcached", 1);
  const localReads = ["SQLite", "PostgreSQL"]
    .map((name) => run(report, name, 1))
    .filter((s): s is StoreRun => s !== undefined);
  if (cacheOne && localReads.length > 0) {
    const parts = localReads.map((s) => `${s.store} ${ms(s.read.p50Ms)}`);
    const faster = localReads.filter(
      (s) => s.read.p50Ms <= cacheOne.read.p50Ms,
    );
    sentences.push(
      `One read at a time: Memcached answered in ${ms(cacheOne.read.p50Ms)} ` +
        `(p50), ${parts.join(", ")}. ` +
        (faster.length > 0
          ? `On one host ${faster.map((s) => s.store).join(" and ")} ` +
            "read as fast or faster: a single read from a database on the " +
            "same machine, served from its page cache, is no slower than " +
            "the cache."
          : "Here the cache also won single reads, though on one host the " +
            "gap is small; across a network every store pays a round trip."),
    );
  }

  const redis = run(report, "Redis", 64);
  if (cache && redis) {
    sentences.push(
      `Redis, which the exam question does not offer, wrote ` +
        `${redis.write.opsPerSecond.toLocaleString("en")} a second at 64 in ` +
        "flight on this machine, in the same class as Memcached; it keeps " +
        `what this server's settings allow: ${redis.durability}.`,
    );
  }

  sentences.push(
    "What no table shows: every session read Memcached serves is a query " +
      "the database never runs, so the database keeps its capacity for the " +
      "answers that must last. Memcached keeps nothing across a restart, " +
      "which is why certdrill also records every session and answer in SQL.",
  );
  return sentences;
}
