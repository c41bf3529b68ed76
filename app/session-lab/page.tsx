import type { Metadata } from "next";
import Link from "next/link";

import { BenchmarkReportView } from "@/components/session-lab/benchmark-report-view";
import { SessionLabProbe } from "@/components/session-lab/session-lab-probe";
import { readLatestReport } from "@/lib/benchmarks/latest-report";

export const metadata: Metadata = { title: "Session Lab" };

const QUESTION = "/questions/session-store-for-stateless-web-tier";

export default function SessionLabPage() {
  const report = readLatestReport();
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Session Lab</h1>
        <p>
          certdrill keeps your session in Memcached, the answer to{" "}
          <Link href={QUESTION} className="text-accent-ink underline">
            one of its own questions
          </Link>
          . Here is your session at work, and the stores that question offers,
          measured on the machine that runs this app.
        </p>
      </header>

      <section aria-labelledby="this-request" className="space-y-3">
        <h2 id="this-request" className="text-xl font-semibold">
          This request
        </h2>
        <SessionLabProbe />
      </section>

      {report ? (
        <BenchmarkReportView report={report} />
      ) : (
        <p>
          No benchmark has been recorded yet. Run <code>npm run bench</code> and
          rebuild to see the figures here.
        </p>
      )}
    </div>
  );
}
