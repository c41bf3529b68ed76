import { z } from "zod";

/** Latency and throughput of one kind of operation at one concurrency. */
export const LatencySchema = z.object({
  p50Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  opsPerSecond: z.number().nonnegative(),
  errors: z.number().int().nonnegative(),
  /**
   * CPU time the measuring process spent per operation, in microseconds: the
   * client's side only. Less noisy than latency on a shared machine, since
   * another process's load does not add to it. Absent from older reports.
   */
  cpuMicrosPerOp: z.number().nonnegative().optional(),
});
export type Latency = z.infer<typeof LatencySchema>;

/** A figure set against its goal, and the raw numbers it came from. */
export const GoalSchema = z.object({
  name: z.string(),
  value: z.number(),
  unit: z.enum(["ratio", "ms", "MB", "%", "x"]),
  goal: z.object({ op: z.enum([">=", "<="]), target: z.number() }),
  met: z.boolean(),
  from: z.string(),
});
export type Goal = z.infer<typeof GoalSchema>;

const InFlightSchema = z.union([z.literal(1), z.literal(16), z.literal(64)]);

export const StoreRunSchema = z.object({
  store: z.string(),
  /** What a write survives, in the store's own terms. */
  durability: z.string(),
  inFlight: InFlightSchema,
  read: LatencySchema,
  write: LatencySchema,
});
export type StoreRun = z.infer<typeof StoreRunSchema>;

export const LoadRunSchema = z.object({
  target: z.string(),
  seconds: z.number().positive(),
  connections: z.number().int().positive(),
  requestsPerSecond: z.number().nonnegative(),
  p50Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  errors: z.number().int().nonnegative(),
  non2xx: z.number().int().nonnegative(),
});
export type LoadRun = z.infer<typeof LoadRunSchema>;

/** What `npm run bench` saves, and what the Session Lab shows. */
export const BenchmarkReportSchema = z.object({
  version: z.literal(1),
  ranAt: z.string(),
  /** The commit measured, and whether the work tree had changes. */
  commit: z.string(),
  machine: z.object({
    cpus: z.number().int().positive(),
    model: z.string(),
    memoryGb: z.number().positive(),
    node: z.string(),
    loadAverageAtStart: z.array(z.number()),
  }),
  goals: z.array(GoalSchema),
  requests: z.array(z.object({ name: z.string(), run: LoadRunSchema })),
  sessionLayer: z.array(
    z.object({
      inFlight: InFlightSchema,
      certdrill: LatencySchema,
      rawMemjs: LatencySchema,
    }),
  ),
  stores: z.array(StoreRunSchema),
  load: z.array(LoadRunSchema),
  soak: z
    .object({
      minutes: z.number().positive(),
      rssStartMb: z.number().positive(),
      rssEndMb: z.number().positive(),
      run: LoadRunSchema,
    })
    .nullable(),
});
export type BenchmarkReport = z.infer<typeof BenchmarkReportSchema>;

/** The question's figure: 5,000 requests a minute. */
export const QUESTION_REQUESTS_PER_MINUTE = 5_000;
