"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

import {
  CohortTableView,
  type TableQuery,
} from "@/components/instructor/cohort-table-view";
import { ItemAnalysisPanel } from "@/components/instructor/item-analysis-panel";
import { MasteryHeatmap } from "@/components/instructor/mastery-heatmap";
import { useApi } from "@/components/use-api";
import { useSessionLoad } from "@/components/use-session-load";
import {
  CohortPageSchema,
  type CohortPage,
} from "@/lib/api/instructor-schemas";
import { ProblemMessage } from "@/components/problem-message";

const CARD = "space-y-3 rounded-xl border border-line bg-surface p-5";

/** One cohort: its learners, their mastery heatmap, and item analysis. */
export function CohortScreen() {
  const id = useSearchParams().get("id") ?? "";
  const api = useApi();
  const [query, setQuery] = useState<TableQuery>({
    sort: "name",
    dir: "asc",
    search: "",
    page: 1,
  });
  const [data, setData] = useState<CohortPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const params = new URLSearchParams({
      sort: query.sort,
      dir: query.dir,
      search: query.search,
      page: String(query.page),
    });
    const table = await api(
      `/api/cohorts/${encodeURIComponent(id)}/learners?${params}`,
      CohortPageSchema,
    );
    return () => (table.ok ? setData(table.data) : setProblem(table.message));
  }, [api, id, query]);
  useSessionLoad(load);

  if (problem) return <ProblemMessage>{problem}</ProblemMessage>;
  if (!data) return <p className="text-ink-muted">Loading the cohort…</p>;

  const base = `/api/cohorts/${data.cohort.id}/export`;
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">{data.cohort.name}</h2>
      <p className="text-sm">
        Invite code{" "}
        <strong className="font-mono">{data.cohort.inviteCode}</strong>
        {data.cohort.targetExamDate &&
          ` · exam date ${data.cohort.targetExamDate}`}{" "}
        · download{" "}
        <a href={`${base}/learners.csv`} className="text-accent-ink underline">
          learners.csv
        </a>{" "}
        or{" "}
        <a href={`${base}/items.csv`} className="text-accent-ink underline">
          items.csv
        </a>
      </p>
      <section aria-labelledby="learners" className={CARD}>
        <h3 id="learners" className="font-semibold">
          Learners
        </h3>
        <CohortTableView data={data} query={query} onQuery={setQuery} />
      </section>
      <section aria-labelledby="heatmap" className={CARD}>
        <h3 id="heatmap" className="font-semibold">
          Mastery by task statement
        </h3>
        <MasteryHeatmap data={data} />
      </section>
      <section aria-labelledby="items" className={CARD}>
        <h3 id="items" className="font-semibold">
          Item analysis
        </h3>
        <ItemAnalysisPanel cohortId={data.cohort.id} />
      </section>
    </div>
  );
}
