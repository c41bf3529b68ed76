// `npm run bench:content`: checks and renders 1,000 and then 10,000 synthetic
// question files made from a real one, and prints the time per question, the
// ratio between the two runs (linear growth is 1.00 per question) and the
// share of the 5-second budget for 1,000 that the run used. As a baseline
// measured in the same run, the same 1,000 files also go through the bare
// unified pipeline (parse, to HTML, stringify) with no checks, sanitizing or
// highlighting: the least any remark-based renderer must spend here.
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

import { checkQuestions, type SourceFile } from "@/lib/content/check-bank";
import { loadBlueprints } from "@/lib/content/load-blueprints";

const TEMPLATE_FILE =
  "content/questions/1.3-data-stores/session-store-for-stateless-web-tier.md";
const template = readFileSync(TEMPLATE_FILE, "utf8");
const { blueprints } = loadBlueprints();

function synthetic(count: number): SourceFile[] {
  return Array.from({ length: count }, (_, index) => {
    const id = `synthetic-question-${index}`;
    return {
      file: `content/questions/1.3-data-stores/${id}.md`,
      source: template
        .replace("id: session-store-for-stateless-web-tier", `id: ${id}`)
        .replace("A startup runs", `Startup number ${index} runs`)
        .replace("cache.t4g.small", `cache.t4g.small # node ${index}`),
    };
  });
}

// Long runs show how far they have got, on stderr so the figures stay clean.
const progress = (done: number, total: number) =>
  process.stderr.write(
    `\r\x1b[K  checked ${done.toLocaleString("en")} of ${total.toLocaleString("en")}…`,
  );

type Timing = { ms: number; cpuMs: number };

// CPU time is printed beside wall time: on a shared machine the wall clock
// also counts the time other processes held the cores.
function measure(work: () => void): Timing {
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return {
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
  };
}

function time(count: number): Timing {
  const files = synthetic(count);
  let result: ReturnType<typeof checkQuestions> | undefined;
  const timing = measure(() => {
    result = checkQuestions(files, blueprints, progress);
  });
  process.stderr.write("\r\x1b[K");
  const { questions, problems } = result!;
  if (problems.length > 0 || questions.length !== count) {
    throw new Error(
      `expected ${count} valid questions, got ${questions.length}`,
    );
  }
  return timing;
}

function timeBaseline(count: number): Timing {
  const bare = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(rehypeStringify);
  const files = synthetic(count);
  return measure(() => {
    for (const { source } of files) bare.processSync(source);
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ` +
    `Node ${process.version}, load average ${load()} at the start`,
);
checkQuestions(synthetic(50), blueprints); // warm up the JIT and highlighter
const baseline = timeBaseline(1_000);
const small = time(1_000);
const large = time(10_000);
const perSmall = small.ms / 1_000;
const perLarge = large.ms / 10_000;

console.log(
  `baseline, bare remark to HTML of the same 1,000: ${seconds(baseline.ms)} ` +
    `(CPU ${seconds(baseline.cpuMs)})`,
);
console.log(
  `1,000 questions:  ${seconds(small.ms)} (CPU ${seconds(small.cpuMs)}), ` +
    `${perSmall.toFixed(2)} ms each`,
);
console.log(
  `10,000 questions: ${seconds(large.ms)} (CPU ${seconds(large.cpuMs)}), ` +
    `${perLarge.toFixed(2)} ms each`,
);
console.log(
  `per-question cost, 10,000 / 1,000: ${(perLarge / perSmall).toFixed(2)} ` +
    "(linear is 1.00)",
);
console.log(
  `check and render / bare remark: ${(small.ms / baseline.ms).toFixed(2)}x ` +
    `wall, ${(small.cpuMs / baseline.cpuMs).toFixed(2)}x CPU`,
);
console.log(
  `1,000 used ${(small.ms / 5_000).toFixed(2)} of the 5 s budget: ` +
    (small.ms <= 5_000 ? "met" : "NOT met") +
    ` (load average ${load()} at the end)`,
);
