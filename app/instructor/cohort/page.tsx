import type { Metadata } from "next";
import { Suspense } from "react";

import { CohortScreen } from "@/components/instructor/cohort-screen";

export const metadata: Metadata = { title: "Cohort" };

export default function CohortPage() {
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">Cohort</h1>
      <Suspense fallback={<p>Loading the cohort…</p>}>
        <CohortScreen />
      </Suspense>
    </div>
  );
}
