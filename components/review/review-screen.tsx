"use client";

import Link from "next/link";
import { useCallback, useState } from "react";

import { PracticeQuestion } from "@/components/practice/practice-question";
import { ExamDateForm } from "@/components/review/exam-date-form";
import { useApi } from "@/components/use-api";
import { useSessionLoad } from "@/components/use-session-load";
import { BookmarkListSchema } from "@/lib/api/question-schemas";
import { ReviewQueueSchema, type ReviewQueue } from "@/lib/api/review-schemas";
import { ProblemMessage } from "@/components/problem-message";

/** Spaced review: the questions FSRS says are due, weakest first. */
export function ReviewScreen() {
  const api = useApi();
  const [queue, setQueue] = useState<ReviewQueue | null>(null);
  const [index, setIndex] = useState(0);
  const [reviewed, setReviewed] = useState(0);
  const [bookmarks, setBookmarks] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [loaded, marked] = await Promise.all([
      api("/api/review", ReviewQueueSchema),
      api("/api/bookmarks", BookmarkListSchema),
    ]);
    return () => {
      if (!loaded.ok) return setProblem(loaded.message);
      if (marked.ok) setBookmarks(marked.data.bookmarks);
      setQueue(loaded.data);
      setIndex(0);
    };
  }, [api]);
  const reload = useSessionLoad(load);

  if (problem) return <ProblemMessage>{problem}</ProblemMessage>;
  if (!queue)
    return <p className="text-ink-muted">Loading your review queue…</p>;

  const item = queue.due[index];
  return (
    <div className="space-y-6">
      {item ? (
        <PracticeQuestion
          key={`${item.questionId}-${index}`}
          questionId={item.questionId}
          order={item.order}
          answerUrl="/api/review/answer"
          progressLabel={`Review ${index + 1} of ${queue.due.length} due`}
          bookmarked={bookmarks.includes(item.questionId)}
          onBookmarkChange={(on) =>
            setBookmarks((list) =>
              on
                ? [...list, item.questionId]
                : list.filter((b) => b !== item.questionId),
            )
          }
          onAnswered={() => setReviewed((n) => n + 1)}
          onNext={() => setIndex((i) => i + 1)}
          nextLabel={
            index + 1 === queue.due.length ? "Finish review" : "Next review"
          }
        />
      ) : (
        <section
          aria-labelledby="review-empty"
          className="border-line bg-surface space-y-2 rounded-xl border p-5"
        >
          <h2 id="review-empty" className="text-lg font-semibold">
            {reviewed > 0 ? "Review done for now" : "Nothing is due right now"}
          </h2>
          <p>
            {reviewed > 0 && `You reviewed ${reviewed} question(s). `}
            {queue.total === 0
              ? "Questions you answer in drills and exams come back here on a spaced schedule."
              : `${queue.dueThisWeek} of your ${queue.total} review cards come due within a week.`}
          </p>
          <div className="flex flex-wrap gap-3">
            <Link
              href="/drill"
              className="bg-accent text-on-accent rounded-lg px-5 py-2 font-semibold"
            >
              Start a drill
            </Link>
            {reviewed > 0 && (
              <button
                type="button"
                onClick={reload}
                className="border-line rounded-lg border px-5 py-2"
              >
                Check the queue again
              </button>
            )}
          </div>
        </section>
      )}

      <section
        aria-labelledby="exam-date"
        className="border-line bg-surface space-y-2 rounded-xl border p-5"
      >
        <h2 id="exam-date" className="font-semibold">
          Your exam date
        </h2>
        <p className="text-ink-muted text-sm">
          With a date set, questions you are likely to forget by then are
          brought back before it, and the queue puts them first.
        </p>
        <ExamDateForm examDate={queue.examDate} onSaved={reload} />
      </section>
    </div>
  );
}
