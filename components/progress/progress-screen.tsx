"use client";

import Link from "next/link";
import { useCallback, useState } from "react";

import { DomainBars } from "@/components/exam/domain-bars";
import { ScoreHistoryChart } from "@/components/exam/score-history-chart";
import { ActivityChart } from "@/components/progress/activity-chart";
import { MasteryMap } from "@/components/progress/mastery-map";
import { ExamDateForm } from "@/components/review/exam-date-form";
import { useApi } from "@/components/use-api";
import { useSessionLoad } from "@/components/use-session-load";
import { ProgressSchema, type Progress } from "@/lib/api/progress-schemas";
import { ProblemMessage } from "@/components/problem-message";

const CARD = "space-y-3 rounded-xl border border-line bg-surface p-5";

/** Readiness, mastery, activity, exams and bookmarks for one learner. */
export function ProgressScreen({
  source = "/api/progress",
  forInstructor = false,
}: {
  /** Where the figures come from: the learner's own, or a cohort member's. */
  source?: string;
  forInstructor?: boolean;
}) {
  const api = useApi();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await api(source, ProgressSchema);
    return () =>
      response.ok ? setProgress(response.data) : setProblem(response.message);
  }, [api, source]);
  const reload = useSessionLoad(load);

  if (problem) return <ProblemMessage>{problem}</ProblemMessage>;
  if (!progress)
    return <p className="text-ink-muted">Loading your progress…</p>;

  const { readiness } = progress;
  const answered = progress.domains.reduce((n, d) => n + d.attempts, 0);
  return (
    <div className="space-y-6">
      <section aria-labelledby="readiness" className={CARD}>
        <h2 id="readiness" className="text-lg font-semibold">
          Readiness
        </h2>
        {readiness.answered === 0 ? (
          <p>{readiness.sentence}</p>
        ) : (
          <>
            <p className="text-3xl font-bold">
              {readiness.estimate}{" "}
              <span className="text-ink-muted text-base font-normal">
                (90% range {readiness.low}–{readiness.high}; pass mark{" "}
                {progress.passMark})
              </span>
            </p>
            <p>{readiness.sentence}</p>
          </>
        )}
      </section>

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Answers" value={answered} />
        <Stat
          label="Study streak"
          value={`${progress.streak.current} day(s)`}
          detail={`longest ${progress.streak.longest}`}
        />
        <Stat
          label="Due for review"
          value={progress.reviewDue}
          detail={
            forInstructor ? (
              "questions this learner should revisit now"
            ) : (
              <Link href="/review" className="text-accent-ink underline">
                Review now
              </Link>
            )
          }
        />
      </div>

      <section aria-labelledby="mastery" className={CARD}>
        <h2 id="mastery" className="text-lg font-semibold">
          Mastery map
        </h2>
        <MasteryMap progress={progress} />
      </section>

      <section aria-labelledby="domains" className={CARD}>
        <h2 id="domains" className="text-lg font-semibold">
          Accuracy by domain
        </h2>
        <DomainBars
          rows={progress.domains.map((d) => ({
            label: `${d.number}. ${d.title}`,
            percent: d.attempts
              ? Math.round((100 * d.correct) / d.attempts)
              : null,
          }))}
          target={progress.scale.passPercent}
          caption={
            "Share of all your answers that were right, per domain; " +
            "the dashed line is about where the pass mark falls."
          }
        />
      </section>

      <section aria-labelledby="activity" className={CARD}>
        <h2 id="activity" className="text-lg font-semibold">
          Recent activity
        </h2>
        <ActivityChart days={progress.activity} />
      </section>

      <section aria-labelledby="exams" className={CARD}>
        <h2 id="exams" className="text-lg font-semibold">
          Mock exams
        </h2>
        {progress.exams.length === 0 ? (
          <p>
            No mock exams yet.{" "}
            <Link href="/exam" className="text-accent-ink underline">
              Take one
            </Link>
            .
          </p>
        ) : (
          <ScoreHistoryChart
            passMark={progress.passMark}
            points={progress.exams.map((exam, i) => ({
              label: `#${i + 1}`,
              scaled: exam.scaled,
            }))}
          />
        )}
      </section>

      {forInstructor ? (
        <p className="text-ink-muted text-sm">
          Exam date: {progress.examDate ?? "not set"}. Bookmarks stay private to
          the learner.
        </p>
      ) : (
        <>
          <section aria-labelledby="bookmarks" className={CARD}>
            <h2 id="bookmarks" className="text-lg font-semibold">
              Bookmarks
            </h2>
            {progress.bookmarks.length === 0 ? (
              <p className="text-ink-muted">
                Press Shift+B on a drill or review question to bookmark it.
              </p>
            ) : (
              <ul className="space-y-2">
                {progress.bookmarks.map((b) => (
                  <li key={b.id}>
                    <Link
                      href={`/questions/${b.id}`}
                      className="text-accent-ink underline"
                    >
                      Task {b.task}: {b.summary}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="exam-date" className={CARD}>
            <h2 id="exam-date" className="text-lg font-semibold">
              Your exam date
            </h2>
            <ExamDateForm examDate={progress.examDate} onSaved={reload} />
          </section>
        </>
      )}
    </div>
  );
}

function Stat({
  label,
  value,
  detail,
}: {
  label: string;
  value: React.ReactNode;
  detail?: React.ReactNode;
}) {
  return (
    <div className="border-line bg-surface rounded-xl border p-4">
      <p className="text-ink-muted text-sm">{label}</p>
      <p className="text-2xl font-bold">{value}</p>
      {detail && <p className="text-sm">{detail}</p>}
    </div>
  );
}
