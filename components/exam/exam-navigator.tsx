"use client";

import type { ExamView } from "@/lib/api/exam-schemas";

/** A grid of every question: answered, unanswered, flagged, current. */
export function ExamNavigator({
  exam,
  answers,
  current,
  onJump,
}: {
  exam: ExamView;
  answers: ExamView["answers"];
  current: number;
  onJump: (index: number) => void;
}) {
  return (
    <nav aria-label="Questions">
      <ol className="grid grid-cols-8 gap-1.5 sm:grid-cols-10">
        {exam.questions.map((question, index) => {
          const answer = answers[question.id];
          const answered = (answer?.chosen.length ?? 0) > 0;
          const state = [
            answered ? "answered" : "unanswered",
            answer?.flagged ? "flagged" : "",
          ]
            .filter(Boolean)
            .join(", ");
          return (
            <li key={question.id}>
              <button
                type="button"
                onClick={() => onJump(index)}
                aria-current={index === current ? "step" : undefined}
                aria-label={`Question ${index + 1}, ${state}`}
                className={`relative w-full rounded border py-1 text-sm font-semibold ${
                  answered
                    ? "border-accent bg-accent text-on-accent"
                    : "border-line bg-surface text-ink"
                } ${index === current ? "ring-ink ring-2 ring-offset-1" : ""}`}
              >
                {index + 1}
                {answer?.flagged && (
                  <span
                    aria-hidden="true"
                    className="text-warn-ink absolute -top-1.5 -right-1 text-xs"
                  >
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="text-ink-muted mt-2 text-xs">
        Filled: answered · outlined: unanswered · ⚑ flagged
      </p>
    </nav>
  );
}
