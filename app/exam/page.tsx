import type { Metadata } from "next";

import { ExamHome } from "@/components/exam/exam-home";
import { QUICK_EXAM_LENGTH } from "@/lib/exams/exam-service";
import { getQuestionBank } from "@/lib/questions/question-bank";

export const metadata: Metadata = { title: "Mock exam" };

export default function ExamPage() {
  const [blueprint] = getQuestionBank().blueprints.values();
  if (!blueprint) return <p>No exam blueprint is loaded.</p>;
  const minutesPerQuestion =
    blueprint.durationMinutes / blueprint.questionCount;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Mock exam</h1>
      <p className="text-ink-muted">
        Timed like {blueprint.title} ({blueprint.code.toUpperCase()}): no
        feedback until you submit, then a scaled score against the{" "}
        {blueprint.score.pass} pass mark and a review of every question.
      </p>
      <ExamHome
        facts={{
          code: blueprint.code,
          title: blueprint.title,
          questionCount: blueprint.questionCount,
          durationMinutes: blueprint.durationMinutes,
          passMark: blueprint.score.pass,
          scoreMin: blueprint.score.min,
          scoreMax: blueprint.score.max,
          quickLength: QUICK_EXAM_LENGTH,
          quickMinutes: Math.max(
            1,
            Math.round(QUICK_EXAM_LENGTH * minutesPerQuestion),
          ),
        }}
      />
    </div>
  );
}
