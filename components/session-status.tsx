"use client";

import { useSession } from "@/components/session-provider";

/** The small per-learner part of every page: who is practising, and how far. */
export function SessionStatus() {
  const { state } = useSession();

  if (state.status === "loading") {
    return <p className="text-sm text-slate-500">Starting your session…</p>;
  }
  if (state.status === "unavailable") {
    return (
      <p
        role="alert"
        className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-900"
      >
        {state.message}
      </p>
    );
  }
  const { learner, progress } = state;
  return (
    <p className="text-sm text-slate-700" data-testid="session-status">
      <span className="font-medium">{learner.displayName}</span> ·{" "}
      {progress.answered} answered · {progress.correct} correct
    </p>
  );
}
