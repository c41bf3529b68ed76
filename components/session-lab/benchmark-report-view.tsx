import { ScrollRegion } from "@/components/scroll-region";
import { StoreChart } from "@/components/session-lab/store-chart";
import type {
  BenchmarkReport,
  Goal,
  Latency,
} from "@/lib/benchmarks/benchmark-report";
import { readingOf } from "@/lib/benchmarks/reading";

const cell = "py-1 pr-3 align-top";
const latency = (l: Latency) =>
  `${l.p50Ms} / ${l.p99Ms} ms · ${l.opsPerSecond.toLocaleString("en")}/s`;

function measured(goal: Goal) {
  return goal.unit === "ratio" ? `${goal.value}` : `${goal.value} ${goal.unit}`;
}

/** The latest `npm run bench` report: a reading, a chart and the tables. */
export function BenchmarkReportView({ report }: { report: BenchmarkReport }) {
  const { machine } = report;
  const chartInFlight = 64;
  const chartRows = report.stores
    .filter((s) => s.inFlight === chartInFlight)
    .map((s) => ({
      store: s.store,
      reads: s.read.opsPerSecond,
      writes: s.write.opsPerSecond,
    }));

  return (
    <div className="space-y-6">
      <p className="text-ink-muted text-sm">
        Measured {new Date(report.ranAt).toUTCString()} at commit{" "}
        {report.commit} on {machine.cpus} × {machine.model}, {machine.memoryGb}{" "}
        GB, Node {machine.node}, load average{" "}
        {machine.loadAverageAtStart.join(" ")} at the start. The load generator
        ran on the same machine as the servers.
      </p>
      <section aria-labelledby="reading" className="space-y-2">
        <h2 id="reading" className="text-xl font-semibold">
          What the figures say
        </h2>
        {readingOf(report).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </section>

      {chartRows.length > 0 && (
        <StoreChart rows={chartRows} inFlight={chartInFlight} />
      )}

      <section aria-labelledby="stores" className="space-y-2">
        <h2 id="stores" className="text-xl font-semibold">
          Session stores
        </h2>
        <ScrollRegion label="Session stores, scrollable">
          <table className="w-full text-left text-sm">
            <caption className="text-ink-muted pb-2 text-left">
              p50 / p99 latency and operations a second, for one session of
              about half a kilobyte.
            </caption>
            <thead>
              <tr className="border-line border-b">
                <th scope="col" className={cell}>
                  Store
                </th>
                <th scope="col" className={cell}>
                  In flight
                </th>
                <th scope="col" className={cell}>
                  Read
                </th>
                <th scope="col" className={cell}>
                  Write
                </th>
                <th scope="col" className={cell}>
                  A write survives
                </th>
              </tr>
            </thead>
            <tbody>
              {report.stores.map((s) => (
                <tr
                  key={`${s.store}-${s.inFlight}`}
                  className="border-line border-b"
                >
                  <th scope="row" className={`${cell} font-medium`}>
                    {s.store}
                  </th>
                  <td className={cell}>{s.inFlight}</td>
                  <td className={cell}>{latency(s.read)}</td>
                  <td className={cell}>{latency(s.write)}</td>
                  <td className={cell}>{s.durability}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="goals" className="space-y-2">
        <h2 id="goals" className="text-xl font-semibold">
          certdrill against its own goals
        </h2>
        <ScrollRegion label="Goals, scrollable">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-line border-b">
                <th scope="col" className={cell}>
                  Figure
                </th>
                <th scope="col" className={cell}>
                  Measured
                </th>
                <th scope="col" className={cell}>
                  Goal
                </th>
                <th scope="col" className={cell}>
                  From
                </th>
              </tr>
            </thead>
            <tbody>
              {report.goals.map((goal) => (
                <tr key={goal.name} className="border-line border-b">
                  <th scope="row" className={`${cell} font-medium`}>
                    {goal.name}
                  </th>
                  <td className={cell}>
                    {measured(goal)}{" "}
                    <span
                      className={goal.met ? "text-good-ink" : "text-bad-ink"}
                    >
                      ({goal.met ? "met" : "not met"})
                    </span>
                  </td>
                  <td className={cell}>
                    {goal.goal.op} {goal.goal.target}
                  </td>
                  <td className={cell}>{goal.from}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </div>
  );
}
