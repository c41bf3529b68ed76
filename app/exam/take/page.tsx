import type { Metadata } from "next";

import { ExamRunner } from "@/components/exam/exam-runner";

export const metadata: Metadata = { title: "Exam in progress" };

export default function TakeExamPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Mock exam</h1>
      <ExamRunner />
    </div>
  );
}
