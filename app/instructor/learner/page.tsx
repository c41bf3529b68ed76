import type { Metadata } from "next";
import { Suspense } from "react";

import { LearnerProgress } from "@/components/instructor/learner-progress";

export const metadata: Metadata = { title: "Learner" };

export default function LearnerPage() {
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Learner progress</h1>
      <Suspense fallback={<p>Loading…</p>}>
        <LearnerProgress />
      </Suspense>
    </div>
  );
}
