import type { Metadata } from "next";

import { ReviewScreen } from "@/components/review/review-screen";

export const metadata: Metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Review</h1>
      <p className="text-ink-muted">
        Spaced review (FSRS): a missed question comes back the next day, one you
        know well after weeks.
      </p>
      <ReviewScreen />
    </div>
  );
}
