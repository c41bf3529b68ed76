"use client";

import { ExamClock } from "@/components/exam/exam-clock";
import type { ExamView } from "@/lib/api/exam-schemas";

/**
 * Time left and questions answered, the two things a candidate keeps an eye
 * on. Compact lays them side by side, for the bar above the question on a
 * narrow screen.
 */
export function ExamStatus({
  exam,
  offsetMs,
  answeredCount,
  onExpired,
  compact,
}: {
  exam: ExamView;
  offsetMs: number;
  answeredCount: number;
  onExpired: () => void;
  compact: boolean;
}) {
  return (
    <div
      className={compact ? "flex items-end justify-between gap-4" : "space-y-4"}
    >
      <ExamClock
        deadlineAt={exam.deadlineAt}
        offsetMs={offsetMs}
        totalMs={exam.durationMinutes * 60_000}
        onExpired={onExpired}
      />
      <div className={compact ? "min-w-0 flex-1 text-right" : undefined}>
        <p className="text-sm">
          {answeredCount} of {exam.length} answered
        </p>
        <div
          className="bg-surface-muted mt-1 h-1.5 rounded"
          role="progressbar"
          aria-label="Questions answered"
          aria-valuemin={0}
          aria-valuemax={exam.length}
          aria-valuenow={answeredCount}
        >
          <div
            className="bg-good-line h-full rounded"
            style={{ width: `${(100 * answeredCount) / exam.length}%` }}
          />
        </div>
      </div>
    </div>
  );
}
