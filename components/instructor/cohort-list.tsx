"use client";

import Link from "next/link";
import { useCallback, useState } from "react";

import { buttonClass, inputClass } from "@/components/form-styles";
import { useApi } from "@/components/use-api";
import { useSessionLoad } from "@/components/use-session-load";
import { CohortListSchema, CohortSchema } from "@/lib/api/instructor-schemas";
import type { z } from "zod";
import { ProblemMessage } from "@/components/problem-message";

type Cohort = z.infer<typeof CohortSchema>;

/** An instructor's cohorts, their invite links, and a form for a new one. */
export function CohortList() {
  const api = useApi();
  const [cohorts, setCohorts] = useState<Cohort[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [date, setDate] = useState("");

  const load = useCallback(async () => {
    const response = await api("/api/cohorts", CohortListSchema);
    return () =>
      response.ok
        ? setCohorts(response.data.cohorts)
        : setProblem(response.message);
  }, [api]);
  const reload = useSessionLoad(load);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const response = await api("/api/cohorts", CohortSchema, {
      method: "POST",
      body: { name, targetExamDate: date || null },
    });
    if (!response.ok) return setProblem(response.message);
    setName("");
    setDate("");
    setProblem(null);
    reload();
  }

  if (problem && !cohorts) return <ProblemMessage>{problem}</ProblemMessage>;
  return (
    <div className="space-y-6">
      <form
        onSubmit={create}
        aria-labelledby="new-cohort"
        className="border-line bg-surface space-y-3 rounded-xl border p-5"
      >
        <h2 id="new-cohort" className="font-semibold">
          New cohort
        </h2>
        <label className="block font-medium">
          Name
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
        </label>
        <label className="block font-medium">
          Target exam date (optional)
          <input
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            className={inputClass}
          />
        </label>
        {problem && <ProblemMessage>{problem}</ProblemMessage>}
        <button type="submit" className={buttonClass}>
          Create cohort
        </button>
      </form>

      {cohorts === null ? (
        <p className="text-ink-muted">Loading your cohorts…</p>
      ) : cohorts.length === 0 ? (
        <p>No cohorts yet.</p>
      ) : (
        <ul className="space-y-3">
          {cohorts.map((cohort) => (
            <li
              key={cohort.id}
              className="border-line bg-surface rounded-xl border p-4"
            >
              <Link
                href={`/instructor/cohort?id=${cohort.id}`}
                className="text-accent-ink text-lg font-semibold underline"
              >
                {cohort.name}
              </Link>
              <p className="text-sm">
                {cohort.members} learner(s)
                {cohort.targetExamDate &&
                  ` · exam date ${cohort.targetExamDate}`}
              </p>
              <p className="text-sm">
                Invite code{" "}
                <strong className="font-mono">{cohort.inviteCode}</strong> ·
                link{" "}
                <code className="break-all">{`/join?code=${cohort.inviteCode}`}</code>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
