import type { Metadata } from "next";
import { Suspense } from "react";

import { JoinForm } from "@/components/instructor/join-form";

export const metadata: Metadata = { title: "Join a cohort" };

export default function JoinPage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Join a cohort</h1>
      <p className="text-ink-muted">
        Your instructor sees your progress in the cohort; nobody else in it
        does.
      </p>
      <Suspense>
        <JoinForm />
      </Suspense>
    </div>
  );
}
