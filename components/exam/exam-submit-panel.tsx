"use client";

import type { ExamView } from "@/lib/api/exam-schemas";

/** Before submitting: what is unanswered and what was flagged, first. */
export function ExamSubmitPanel({
  exam,
  answers,
  onJump,
  onSubmit,
  onCancel,
}: {
  exam: ExamView;
  answers: ExamView["answers"];
  onJump: (index: number) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const numbered = exam.questions.map((q, index) => ({
    index,
    answer: answers[q.id],
  }));
  const unanswered = numbered.filter((q) => !q.answer?.chosen.length);
  const flagged = numbered.filter((q) => q.answer?.flagged);

  return (
    <section
      aria-labelledby="submit-title"
      className="border-line bg-surface space-y-4 rounded-xl border p-5"
    >
      <h2 id="submit-title" className="text-lg font-bold">
        Review before you submit
      </h2>
      <QuestionLinks
        title="Unanswered"
        items={unanswered}
        onJump={onJump}
        empty="None: every question has an answer."
      />
      <QuestionLinks
        title="Flagged"
        items={flagged}
        onJump={onJump}
        empty="None flagged."
      />
      <p>
        Once submitted, the exam is scored and cannot be changed. Unanswered
        questions count as wrong.
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onSubmit}
          className="bg-accent text-on-accent rounded-lg px-5 py-2 font-semibold"
        >
          Submit the exam
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="border-line rounded-lg border px-5 py-2"
        >
          Back to the questions
        </button>
      </div>
    </section>
  );
}

function QuestionLinks({
  title,
  items,
  onJump,
  empty,
}: {
  title: string;
  items: { index: number }[];
  onJump: (index: number) => void;
  empty: string;
}) {
  return (
    <div>
      <h3 className="font-semibold">
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="text-ink-muted">{empty}</p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-2">
          {items.map(({ index }) => (
            <li key={index}>
              <button
                type="button"
                onClick={() => onJump(index)}
                className="border-line text-accent-ink rounded border px-2 py-0.5 underline"
              >
                Question {index + 1}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
