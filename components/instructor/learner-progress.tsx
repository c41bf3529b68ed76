"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";

import { ProgressScreen } from "@/components/progress/progress-screen";

/** A cohort member's progress page, as their instructor sees it. */
export function LearnerProgress() {
  const params = useSearchParams();
  const cohort = encodeURIComponent(params.get("cohort") ?? "");
  const learner = encodeURIComponent(params.get("id") ?? "");

  return (
    <div className="space-y-4">
      <Link
        href={`/instructor/cohort?id=${cohort}`}
        className="text-accent-ink underline"
      >
        ← Back to the cohort
      </Link>
      <ProgressScreen
        source={`/api/cohorts/${cohort}/learners/${learner}`}
        forInstructor
      />
    </div>
  );
}
