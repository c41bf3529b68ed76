import type { Metadata } from "next";

import { ItemAnalysisPanel } from "@/components/instructor/item-analysis-panel";

export const metadata: Metadata = { title: "Item analysis" };

export default function EveryoneItemsPage() {
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">Item analysis over every learner</h1>
      <p className="text-ink-muted">
        Every learner&apos;s first answer to each question, whether or not they
        joined a cohort.
      </p>
      <ItemAnalysisPanel cohortId="all" />
    </div>
  );
}
