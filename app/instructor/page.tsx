import type { Metadata } from "next";
import Link from "next/link";

import { CohortList } from "@/components/instructor/cohort-list";

export const metadata: Metadata = { title: "Cohorts" };

export default function InstructorPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Your cohorts</h1>
      <p className="text-ink-muted">
        Share a cohort&apos;s invite code or link with your class; learners who
        join appear in its table. The{" "}
        <Link href="/instructor/items" className="text-accent-ink underline">
          item analysis over every learner
        </Link>{" "}
        shows how each question fares beyond your cohorts.
      </p>
      <CohortList />
    </div>
  );
}
