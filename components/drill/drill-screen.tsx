"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

import { DrillSetup, type DrillChoices } from "@/components/drill/drill-setup";
import { PracticeQuestion } from "@/components/practice/practice-question";
import { useSession } from "@/components/session-provider";
import { useApi } from "@/components/use-api";
import {
  CurrentDrillSchema,
  NextDrillSchema,
  StartedDrillSchema,
  type DrillView,
} from "@/lib/api/drill-schemas";
import type { DrillFilters } from "@/lib/drills/drill-filters";
import { ProblemMessage } from "@/components/problem-message";

type Screen =
  | { kind: "loading" }
  | { kind: "setup" }
  | { kind: "running"; drill: DrillView }
  | { kind: "finished"; drill: DrillView };

/** The drill page: choose questions, answer them one by one, see the tally. */
export function DrillScreen({ choices }: { choices: DrillChoices }) {
  const { state } = useSession();
  const api = useApi();
  const [screen, setScreen] = useState<Screen>({ kind: "loading" });
  const [bookmarks, setBookmarks] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (state.status !== "ready") return;
    void api("/api/drills/current", CurrentDrillSchema).then((response) => {
      if (!response.ok) return setProblem(response.message);
      setBookmarks(response.data.bookmarks);
      const drill = response.data.drill;
      setScreen(drill ? { kind: "running", drill } : { kind: "setup" });
    });
  }, [state.status, api]);

  async function start(filters: DrillFilters) {
    setPending(true);
    setProblem(null);
    const response = await api("/api/drills", StartedDrillSchema, {
      method: "POST",
      body: filters,
    });
    setPending(false);
    if (!response.ok) return setProblem(response.message);
    setScreen({ kind: "running", drill: response.data.drill });
  }

  async function next() {
    const response = await api("/api/drills/current/next", NextDrillSchema, {
      method: "POST",
    });
    if (!response.ok) return setProblem(response.message);
    const drill = response.data.drill;
    setScreen({ kind: drill.finished ? "finished" : "running", drill });
  }

  if (state.status === "unavailable")
    return <ProblemMessage>{state.message}</ProblemMessage>;

  return (
    <div className="space-y-6">
      {problem && <ProblemMessage>{problem}</ProblemMessage>}
      {screen.kind === "loading" && (
        <p className="text-ink-muted">Loading your drill…</p>
      )}
      {screen.kind === "setup" && (
        <DrillSetup choices={choices} pending={pending} onStart={start} />
      )}
      {screen.kind === "running" && screen.drill.current && (
        <PracticeQuestion
          key={screen.drill.current.questionId}
          questionId={screen.drill.current.questionId}
          order={screen.drill.current.order}
          earlierVerdict={screen.drill.current.correct}
          answerUrl="/api/drills/current/answer"
          progressLabel={`Question ${screen.drill.position + 1} of ${screen.drill.total}`}
          bookmarked={bookmarks.includes(screen.drill.current.questionId)}
          onBookmarkChange={(on) => {
            const id = screen.drill.current!.questionId;
            setBookmarks((list) =>
              on ? [...list, id] : list.filter((b) => b !== id),
            );
          }}
          onNext={() => void next()}
          nextLabel={
            screen.drill.position + 1 === screen.drill.total
              ? "Finish drill"
              : "Next question"
          }
        />
      )}
      {screen.kind === "finished" && (
        <section
          aria-labelledby="drill-done"
          className="border-line bg-surface space-y-3 rounded-xl border p-5"
        >
          <h2 id="drill-done" tabIndex={-1} className="text-xl font-bold">
            Drill finished
          </h2>
          <p>
            {screen.drill.correctCount} correct of {screen.drill.answeredCount}{" "}
            answered ({screen.drill.total} in the drill). Missed questions are
            in your review queue.
          </p>
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => setScreen({ kind: "setup" })}
              className="bg-accent text-on-accent rounded-lg px-5 py-2 font-semibold"
            >
              Start another drill
            </button>
            <Link
              href="/review"
              className="border-line rounded-lg border px-5 py-2"
            >
              Go to review
            </Link>
            <Link
              href="/progress"
              className="border-line rounded-lg border px-5 py-2"
            >
              See progress
            </Link>
          </div>
        </section>
      )}
    </div>
  );
}
