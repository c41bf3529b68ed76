"use client";

import Link from "next/link";

import { useSession } from "@/components/session-provider";

/** The small per-learner part of every page: who is practising, and how far. */
export function SessionStatus() {
  const { state } = useSession();

  if (state.status === "loading") {
    return <p className="text-ink-muted text-sm">Starting your session…</p>;
  }
  if (state.status === "unavailable") {
    return (
      <p
        role="alert"
        className="bg-warn-soft text-warn-ink rounded px-2 py-1 text-sm"
      >
        {state.message}
      </p>
    );
  }
  const { learner, progress } = state;
  return (
    <div className="flex flex-wrap items-center gap-x-3 text-sm">
      <p className="text-ink" data-testid="session-status">
        <span className="font-medium">{learner.displayName}</span> ·{" "}
        {progress.answered} answered · {progress.correct} correct
      </p>
      {learner.role !== "learner" && (
        <Link
          href="/instructor"
          className="text-accent-ink font-medium underline"
        >
          Cohorts
        </Link>
      )}
      <Link
        href={learner.kind === "member" ? "/account" : "/sign-in"}
        className="text-accent-ink font-medium underline"
      >
        {learner.kind === "member" ? "Account" : "Sign in"}
      </Link>
    </div>
  );
}
