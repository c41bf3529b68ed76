"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { z } from "zod";

import { ScoreHistoryChart } from "@/components/exam/score-history-chart";
import { useSession } from "@/components/session-provider";
import { useApi } from "@/components/use-api";
import { ExamsOverviewSchema } from "@/lib/api/exam-schemas";
import { ProblemMessage } from "@/components/problem-message";

type Overview = z.infer<typeof ExamsOverviewSchema>;

export type ExamFacts = {
  code: string;
  title: string;
  questionCount: number;
  durationMinutes: number;
  passMark: number;
  scoreMin: number;
  scoreMax: number;
  quickLength: number;
  quickMinutes: number;
};

/** Start a mock exam, resume the one in progress, or look back at results. */
export function ExamHome({ facts }: { facts: ExamFacts }) {
  const { state } = useSession();
  const api = useApi();
  const router = useRouter();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (state.status !== "ready") return;
    void api("/api/exams", ExamsOverviewSchema).then((response) =>
      response.ok ? setOverview(response.data) : setProblem(response.message),
    );
  }, [state.status, api]);

  async function start(size: "full" | "quick") {
    setPending(true);
    setProblem(null);
    const response = await api("/api/exams", z.object({ examId: z.string() }), {
      method: "POST",
      body: { examCode: facts.code, size },
    });
    setPending(false);
    if (!response.ok) return setProblem(response.message);
    router.push("/exam/take");
  }

  const history = overview?.history ?? [];
  return (
    <div className="space-y-8">
      {problem && <ProblemMessage>{problem}</ProblemMessage>}

      {overview?.active ? (
        <section className="border-accent bg-surface rounded-xl border p-5">
          <h2 className="text-lg font-semibold">
            You have an exam in progress
          </h2>
          <p className="text-ink-muted mt-1">
            Its clock kept running on the server while you were away.
          </p>
          <Link
            href="/exam/take"
            className="bg-accent text-on-accent mt-3 inline-block rounded-lg px-5 py-2 font-semibold"
          >
            Resume the exam
          </Link>
        </section>
      ) : (
        <section className="grid gap-4 sm:grid-cols-2">
          <StartCard
            title="Full mock exam"
            text={
              `Up to ${facts.questionCount} questions in ` +
              `${facts.durationMinutes} minutes, drawn by the domain ` +
              "weights. If the bank cannot fill every domain's share yet, " +
              "the exam is shortened in the same proportions and says so."
            }
            button="Start the full exam"
            disabled={pending || !overview}
            onStart={() => void start("full")}
          />
          <StartCard
            title="Quick exam"
            text={
              `${facts.quickLength} questions in ${facts.quickMinutes} ` +
              "minutes, in the same proportions and at the same pace."
            }
            button="Start a quick exam"
            disabled={pending || !overview}
            onStart={() => void start("quick")}
          />
        </section>
      )}

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-lg font-semibold">
          Your results
        </h2>
        {history.length === 0 ? (
          <p className="text-ink-muted">No finished mock exams yet.</p>
        ) : (
          <>
            {history.length > 1 && (
              <ScoreHistoryChart
                passMark={facts.passMark}
                min={facts.scoreMin}
                max={facts.scoreMax}
                points={history.map((exam, index) => ({
                  label: `#${index + 1}`,
                  scaled: exam.scaled,
                }))}
              />
            )}
            <ul className="divide-line border-line bg-surface divide-y rounded-xl border">
              {[...history].reverse().map((exam) => (
                <li
                  key={exam.id}
                  className="flex flex-wrap items-center justify-between gap-2 p-3"
                >
                  <span>
                    {new Date(exam.startedAt).toLocaleString()} · {exam.length}{" "}
                    questions
                    {exam.status === "expired" && " · time ran out"}
                  </span>
                  <span className="flex items-center gap-3">
                    <strong
                      className={exam.passed ? "text-good-ink" : "text-bad-ink"}
                    >
                      {exam.scaled} {exam.passed ? "pass" : "fail"}
                    </strong>
                    <Link
                      href={`/exam/result?id=${exam.id}`}
                      className="text-accent-ink underline"
                    >
                      Review answers
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

function StartCard(props: {
  title: string;
  text: string;
  button: string;
  disabled: boolean;
  onStart: () => void;
}) {
  return (
    <div className="border-line bg-surface flex flex-col gap-3 rounded-xl border p-5">
      <h2 className="text-lg font-semibold">{props.title}</h2>
      <p className="text-ink-muted grow">{props.text}</p>
      <button
        type="button"
        onClick={props.onStart}
        disabled={props.disabled}
        className="bg-accent text-on-accent hover:bg-accent-strong self-start rounded-lg px-5 py-2 font-semibold disabled:opacity-60"
      >
        {props.button}
      </button>
    </div>
  );
}
