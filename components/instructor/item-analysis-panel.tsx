"use client";

import { useCallback, useState } from "react";

import { ItemAnalysisView } from "@/components/instructor/item-analysis-view";
import { ProblemMessage } from "@/components/problem-message";
import { useApi } from "@/components/use-api";
import { useSessionLoad } from "@/components/use-session-load";
import {
  ItemReportSchema,
  type ItemReport,
} from "@/lib/api/instructor-schemas";

/**
 * The item analysis of one cohort, or of everyone with `cohortId` "all",
 * fetched once: sorting or paging the learners beside it, or opening a
 * question, does not fetch the report again.
 */
export function ItemAnalysisPanel({ cohortId }: { cohortId: string }) {
  const api = useApi();
  const [items, setItems] = useState<ItemReport[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await api(
      `/api/cohorts/${encodeURIComponent(cohortId)}/items`,
      ItemReportSchema,
    );
    return () =>
      response.ok
        ? setItems(response.data.items)
        : setProblem(response.message);
  }, [api, cohortId]);
  useSessionLoad(load);

  if (problem) return <ProblemMessage>{problem}</ProblemMessage>;
  if (!items) return <p className="text-ink-muted">Loading…</p>;
  return <ItemAnalysisView items={items} />;
}
