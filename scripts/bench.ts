// `npm run bench`: measures what certdrill teaches about session stores, and
// how fast certdrill itself is, on this machine. Every goal is a ratio or a
// figure from this run alone; the table, the raw figures and the machine are
// printed and saved as JSON, which the Session Lab page shows.
//
//   npm run bench -- --seconds 10 --soak-minutes 10
//   npm run bench -- --only session-layer   (prints that table, saves nothing)
//
// Load is generated here with autocannon and aimed only at loopback. Each run
// is bounded in time and in count.
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import {
  BenchmarkReportSchema,
  QUESTION_REQUESTS_PER_MINUTE,
  type BenchmarkReport,
  type Goal,
  type Latency,
  type LoadRun,
  type StoreRun,
} from "@/lib/benchmarks/benchmark-report";
import { runLoad, type LoadRequest } from "@/lib/benchmarks/http-load";
import { measureInFlight, medianRun } from "@/lib/benchmarks/measure";
import { residentMegabytes } from "@/lib/benchmarks/process-memory";
import {
  fileStore,
  memcachedStore,
  postgresStore,
  redisStore,
  sqliteStore,
  type BenchStore,
} from "@/lib/benchmarks/session-stores";
import { createMemcached } from "@/lib/memcached/memcached-client";
import { parseServerList } from "@/lib/memcached/server-list";
import { newSessionId } from "@/lib/session/session-id";
import type { Session } from "@/lib/session/session-schema";
import { createSessionStore } from "@/lib/session/session-store";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import { browserLike } from "@/lib/testing/http-client";
import { startMemcachedServer } from "@/lib/testing/memcached-server";
import { testPostgresUrl } from "@/lib/testing/scratch-database";
import { makeTempDir } from "@/lib/testing/temp-dir";
import { buildIfNeeded } from "@/scripts/build-if-needed.mjs";
import { freePort, waitForPort } from "@/scripts/memcached.mjs";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    "soak-minutes": { type: "string", default: "10" },
    out: { type: "string", default: "content/benchmarks/latest.json" },
    only: { type: "string" },
  },
});
if (values.only !== undefined && values.only !== "session-layer") {
  console.error("--only takes one value: session-layer.");
  process.exit(2);
}
const SECONDS = wholeNumber("--seconds", values.seconds, 1, 120);
const SOAK_MINUTES = wholeNumber(
  "--soak-minutes",
  values["soak-minutes"],
  0,
  60,
);
const IN_FLIGHT = [1, 16, 64] as const;
const KEYS = 1_000;
const STORE_RUN = { milliseconds: 1_500, maxOperations: 50_000 };
const LAYER_TURNS = 5;
const LAYER_TURN = { milliseconds: 600, maxOperations: 20_000 };
const CONNECTIONS = 16;
const QUESTION = "session-store-for-stateless-web-tier";

function wholeNumber(name: string, value: string, min: number, max: number) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    console.error(`${name} must be a whole number from ${min} to ${max}.`);
    process.exit(2);
  }
  return number;
}

const step = (message: string) => process.stderr.write(`› ${message}\n`);

/** A session as the app keeps one for a learner halfway through a drill. */
function sampleSession(): Session {
  const now = Date.now();
  return {
    version: 3,
    learner: {
      id: crypto.randomUUID(),
      kind: "member",
      displayName: "Bench Learner",
      role: "learner",
    },
    createdAt: now,
    refreshedAt: now,
    seenAt: now,
    onScreen: { questionId: QUESTION, startedAt: now },
    drill: {
      id: crypto.randomUUID(),
      questionIds: Array.from({ length: 20 }, (_, i) => `question-${i}`),
      position: 10,
      answered: Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [`question-${i}`, i % 3 !== 0]),
      ),
    },
    exam: null,
  };
}

async function benchSessionLayer(address: string) {
  const raw = memcachedStore(address);
  const servers = parseServerList(address);
  if (!servers.ok) throw new Error(servers.message);
  const cluster = createMemcached({
    servers: servers.servers,
    timeoutMs: 1000,
  });
  const store = createSessionStore(cluster, {
    idleSeconds: 1800,
    maxBytes: 65_536,
  });
  const session = sampleSession();
  const value = JSON.stringify(session);
  const ids = Array.from({ length: KEYS }, () => newSessionId());
  for (const id of ids) {
    await store.save(id, session);
    await raw.write(`raw:${id}`, value);
  }

  const pair = async (i: number) => {
    const id = ids[i % KEYS]!;
    const loaded = await store.load(id);
    if (!loaded) throw new Error("session missing");
    await store.save(id, loaded);
  };
  const rawPair = async (i: number) => {
    const key = `raw:${ids[i % KEYS]!}`;
    const loaded = await raw.read(key);
    if (!loaded) throw new Error("session missing");
    await raw.write(key, loaded);
  };
  // Both paths run once unmeasured, so neither is timed while still cold.
  const warmUp = { inFlight: 16, milliseconds: 1_000, maxOperations: 20_000 };
  await measureInFlight(pair, warmUp);
  await measureInFlight(rawPair, warmUp);

  // Each side runs in turns with the other, and keeps its median turn, so a
  // busy moment on the shared machine does not fall on one side alone.
  const rows = [];
  for (const inFlight of IN_FLIGHT) {
    step(`session layer and raw memjs, ${inFlight} in flight`);
    const options = { inFlight, ...LAYER_TURN };
    const turns = { certdrill: [] as Latency[], rawMemjs: [] as Latency[] };
    for (let turn = 0; turn < LAYER_TURNS; turn++) {
      turns.certdrill.push(await measureInFlight(pair, options));
      turns.rawMemjs.push(await measureInFlight(rawPair, options));
    }
    rows.push({
      inFlight,
      certdrill: medianRun(turns.certdrill),
      rawMemjs: medianRun(turns.rawMemjs),
    });
  }
  cluster.close();
  await raw.close();
  return rows;
}

async function benchStores(memcachedAddress: string): Promise<StoreRun[]> {
  const temp = makeTempDir("certdrill-bench-");
  const stores: BenchStore[] = [memcachedStore(memcachedAddress)];
  try {
    stores.push(await redisStore("redis://127.0.0.1:6379"));
  } catch (error) {
    step(`Redis left out: ${(error as Error).message}`);
  }
  try {
    stores.push(await postgresStore(testPostgresUrl(), CONNECTIONS));
  } catch (error) {
    step(`PostgreSQL left out: ${(error as Error).message}`);
  }
  stores.push(sqliteStore(path.join(temp.dir, "sessions.sqlite")));
  stores.push(await fileStore(path.join(temp.dir, "shared-sessions")));

  const value = JSON.stringify(sampleSession());
  const runs: StoreRun[] = [];
  try {
    for (const store of stores) {
      const ids = Array.from({ length: KEYS }, () => newSessionId());
      for (const id of ids) await store.write(id, value);
      for (const inFlight of IN_FLIGHT) {
        step(`${store.name}, ${inFlight} in flight`);
        const options = { inFlight, ...STORE_RUN };
        const read = await measureInFlight(async (i) => {
          if ((await store.read(ids[i % KEYS]!)) === null)
            throw new Error("session missing");
        }, options);
        const write = await measureInFlight(
          (i) => store.write(ids[i % KEYS]!, value),
          options,
        );
        runs.push({
          store: store.name,
          durability: store.durability,
          inFlight,
          read,
          write,
        });
      }
    }
  } finally {
    for (const store of stores) await store.close();
    temp.remove();
  }
  return runs;
}

/** One cookie per learner, each from a session the server started. */
async function openSessions(baseUrl: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const browser = browserLike();
      const response = await browser.request(`${baseUrl}/api/session`, {
        method: "POST",
      });
      if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
      return browser.cookie;
    }),
  );
}

const ANSWER: LoadRequest = {
  method: "POST",
  path: `/api/questions/${QUESTION}/answer`,
  body: JSON.stringify({ options: ["A"] }),
};
const LEARNER_MIX: LoadRequest[] = [
  { method: "GET", path: `/questions/${QUESTION}` },
  ANSWER,
  { method: "GET", path: "/api/progress" },
];

/** A cluster from `npm run cluster`: two instances behind nginx. */
async function startCluster(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["scripts/cluster.mjs", "--apps", "2", "--nodes", "2", "--port", `${port}`],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );
  await waitForPort(port, 120_000);
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
    },
  };
}

async function benchHttp() {
  buildIfNeeded();
  const temp = makeTempDir("certdrill-bench-");
  const memcached = await startMemcachedServer();
  const copyDir = path.join(process.cwd(), "public", "bench-copy");
  mkdirSync(copyDir, { recursive: true });
  copyFileSync(
    path.join(".next", "server", "app", "questions", `${QUESTION}.html`),
    path.join(copyDir, `${QUESTION}.html`),
  );
  let app: AppServer | undefined;
  try {
    app = await startAppServer({
      MEMCACHED_SERVERS: memcached.address,
      DATABASE_URL: `file:${path.join(temp.dir, "one.sqlite")}`,
    });
    const cookies = await openSessions(app.url, CONNECTIONS);
    const load = (
      name: string,
      requests: LoadRequest[],
      withCookies = true,
      seconds = SECONDS,
    ) => {
      step(`${name}: ${seconds} s, ${CONNECTIONS} connections`);
      return runLoad({
        target: name,
        baseUrl: app!.url,
        requests,
        connections: CONNECTIONS,
        seconds,
        cookies: withCookies ? cookies : undefined,
      });
    };

    const noop = await load(
      "bare route",
      [{ method: "POST", path: "/api/bench/noop" }],
      false,
    );
    const answer = await load("answer check", [ANSWER]);
    const staticFile = await load(
      "static copy of the page",
      [{ method: "GET", path: `/bench-copy/${QUESTION}.html` }],
      false,
    );
    const page = await load(
      "prerendered question page",
      [{ method: "GET", path: `/questions/${QUESTION}` }],
      false,
    );
    const oneInstance = await load("learner mix, one instance", LEARNER_MIX);

    let soak: BenchmarkReport["soak"] = null;
    if (SOAK_MINUTES > 0) {
      const rssStartMb = residentMegabytes(app.pid);
      const run = await load(
        `soak, learner mix for ${SOAK_MINUTES} min`,
        LEARNER_MIX,
        true,
        SOAK_MINUTES * 60,
      );
      soak = {
        minutes: SOAK_MINUTES,
        rssStartMb,
        rssEndMb: residentMegabytes(app.pid),
        run,
      };
    }
    await app.stop();
    app = undefined;

    step("starting two instances and nginx (npm run cluster)");
    const cluster = await startCluster({
      ...process.env,
      DATABASE_URL: `file:${path.join(temp.dir, "cluster.sqlite")}`,
    });
    let twoInstances: LoadRun;
    try {
      const clusterCookies = await openSessions(cluster.url, CONNECTIONS);
      step(`learner mix, two instances behind nginx: ${SECONDS} s`);
      twoInstances = await runLoad({
        target: "learner mix, two instances behind nginx",
        baseUrl: cluster.url,
        requests: LEARNER_MIX,
        connections: CONNECTIONS,
        seconds: SECONDS,
        cookies: clusterCookies,
      });
    } finally {
      await cluster.stop();
    }
    return {
      requests: { noop, answer, staticFile, page },
      load: [oneInstance, twoInstances],
      soak,
    };
  } finally {
    await app?.stop();
    await memcached.kill();
    rmSync(copyDir, { recursive: true, force: true });
    temp.remove();
  }
}

function goal(
  name: string,
  value: number,
  unit: Goal["unit"],
  op: Goal["goal"]["op"],
  target: number,
  from: string,
): Goal {
  const rounded = Math.round(value * 100) / 100;
  return {
    name,
    value: rounded,
    unit,
    goal: { op, target },
    met: op === ">=" ? rounded >= target : rounded <= target,
    from,
  };
}

function goalsOf(
  http: Awaited<ReturnType<typeof benchHttp>>,
  layer: Awaited<ReturnType<typeof benchSessionLayer>>,
): Goal[] {
  const { noop, answer, staticFile, page } = http.requests;
  const perMinute = (run: LoadRun) =>
    (run.requestsPerSecond * 60) / QUESTION_REQUESTS_PER_MINUTE;
  const goals = [
    goal(
      "framework floor: answer check / bare route",
      answer.requestsPerSecond / noop.requestsPerSecond,
      "ratio",
      ">=",
      0.8,
      `${answer.requestsPerSecond} / ${noop.requestsPerSecond} requests/s`,
    ),
    goal(
      "prerendering: question page / static file",
      page.requestsPerSecond / staticFile.requestsPerSecond,
      "ratio",
      ">=",
      0.85,
      `${page.requestsPerSecond} / ${staticFile.requestsPerSecond} requests/s`,
    ),
    ...layer.map(({ inFlight, certdrill, rawMemjs }) =>
      goal(
        `session layer / raw memjs, p50 at ${inFlight} in flight`,
        certdrill.p50Ms / rawMemjs.p50Ms,
        "ratio",
        "<=",
        1.3,
        `${certdrill.p50Ms} / ${rawMemjs.p50Ms} ms`,
      ),
    ),
  ];
  const at64 = layer.find((row) => row.inFlight === 64)!;
  goals.push(
    goal(
      "session layer p99 at 64 in flight",
      at64.certdrill.p99Ms,
      "ms",
      "<=",
      2,
      `read and write, ${at64.certdrill.opsPerSecond} pairs/s`,
    ),
  );
  for (const run of http.load) {
    goals.push(
      goal(
        `${run.target}: × 5,000 requests/min`,
        perMinute(run),
        "x",
        ">=",
        30,
        `${run.requestsPerSecond} requests/s, ${run.errors + run.non2xx} errors`,
      ),
      goal(
        `${run.target}: p99`,
        run.p99Ms,
        "ms",
        "<=",
        100,
        `p50 ${run.p50Ms} ms`,
      ),
    );
  }
  if (http.soak) {
    const { rssStartMb, rssEndMb, minutes } = http.soak;
    goals.push(
      goal(
        `soak: memory after ${minutes} min`,
        rssEndMb,
        "MB",
        "<=",
        300,
        `RSS ${rssStartMb} MB at the start`,
      ),
      goal(
        "soak: memory growth",
        ((rssEndMb - rssStartMb) / rssStartMb) * 100,
        "%",
        "<=",
        10,
        `${rssStartMb} → ${rssEndMb} MB`,
      ),
    );
  }
  return goals;
}

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, c) =>
    Math.max(...rows.map((row) => row[c]!.length)),
  );
  for (const row of rows) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join("  "));
  }
  console.log();
}

function currentCommit(): string {
  const git = (...args: string[]) =>
    execFileSync("git", args, { encoding: "utf8" }).trim();
  try {
    const dirty = git("status", "--porcelain", "--untracked-files=no");
    return `${git("rev-parse", "--short", "HEAD")}${dirty ? " (modified)" : ""}`;
  } catch {
    return "unknown";
  }
}

/** The session layer's table alone, for working on that layer. */
async function printSessionLayerOnly() {
  const memcached = await startMemcachedServer();
  try {
    const layer = await benchSessionLayer(memcached.address);
    printTable([
      ["in flight", "session layer", "raw memjs", "p50 ratio", "CPU ratio"],
      ...layer.map(({ inFlight, certdrill, rawMemjs }) => [
        String(inFlight),
        latency(certdrill),
        latency(rawMemjs),
        (certdrill.p50Ms / rawMemjs.p50Ms).toFixed(2),
        (certdrill.cpuMicrosPerOp! / rawMemjs.cpuMicrosPerOp!).toFixed(2),
      ]),
    ]);
  } finally {
    await memcached.kill();
  }
}

const latency = (l: Latency) =>
  `p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, ${l.opsPerSecond}/s` +
  (l.cpuMicrosPerOp === undefined ? "" : `, ${l.cpuMicrosPerOp} µs CPU`) +
  (l.errors ? `, ${l.errors} errors` : "");

async function main() {
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? "unknown CPU",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
  if (values.only === "session-layer") return printSessionLayerOnly();
  const memcached = await startMemcachedServer();
  let layer, stores;
  try {
    layer = await benchSessionLayer(memcached.address);
    stores = await benchStores(memcached.address);
  } finally {
    await memcached.kill();
  }
  const http = await benchHttp();

  const report = BenchmarkReportSchema.parse({
    version: 1,
    ranAt: new Date().toISOString(),
    commit: currentCommit(),
    machine,
    goals: goalsOf(http, layer),
    requests: Object.entries(http.requests).map(([name, run]) => ({
      name,
      run,
    })),
    sessionLayer: layer,
    stores,
    load: http.load,
    soak: http.soak,
  } satisfies BenchmarkReport);

  console.log(
    `\nmachine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, ` +
      `Node ${machine.node}, load average ${machine.loadAverageAtStart.join(" ")}\n`,
  );
  printTable([
    ["goal", "measured", "target", "met", "from"],
    ...report.goals.map((g) => [
      g.name,
      `${g.value}${g.unit === "ratio" ? "" : ` ${g.unit}`}`,
      `${g.goal.op} ${g.goal.target}`,
      g.met ? "yes" : "NO",
      g.from,
    ]),
  ]);
  printTable([
    ["session store", "in flight", "read", "write"],
    ...report.stores.map((s) => [
      s.store,
      String(s.inFlight),
      latency(s.read),
      latency(s.write),
    ]),
  ]);
  printTable([
    ["HTTP run", "requests/s", "p50", "p99", "errors"],
    ...[...report.requests.map((r) => r.run), ...report.load].map((r) => [
      r.target,
      String(r.requestsPerSecond),
      `${r.p50Ms} ms`,
      `${r.p99Ms} ms`,
      String(r.errors + r.non2xx),
    ]),
  ]);

  const out = path.resolve(values.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Saved to ${path.relative(process.cwd(), out)}`);
}

await main();
