import type { Metadata } from "next";

import { ProgressScreen } from "@/components/progress/progress-screen";

export const metadata: Metadata = { title: "Progress" };

export default function ProgressPage() {
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Progress</h1>
      <ProgressScreen />
    </div>
  );
}
