import type { Metadata } from "next";
import { Suspense } from "react";

import { ExamResultView } from "@/components/exam/exam-result-view";

export const metadata: Metadata = { title: "Exam result" };

export default function ExamResultPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Exam result</h1>
      <Suspense fallback={<p>Loading your result…</p>}>
        <ExamResultView />
      </Suspense>
    </div>
  );
}
