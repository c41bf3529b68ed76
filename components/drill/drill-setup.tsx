"use client";

import { useState } from "react";

import type { DrillFilters } from "@/lib/drills/drill-filters";

export type DrillChoices = {
  domains: {
    number: number;
    title: string;
    tasks: { id: string; title: string }[];
  }[];
  services: string[];
};

const STATUSES = [
  ["all", "All questions"],
  ["unseen", "Not seen yet"],
  ["missed", "Missed before"],
  ["bookmarked", "Bookmarked"],
] as const;

const SELECT =
  "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-ink";

/** The drill's filters; every choice narrows the questions drawn. */
export function DrillSetup({
  choices,
  pending,
  onStart,
}: {
  choices: DrillChoices;
  pending: boolean;
  onStart: (filters: DrillFilters) => void;
}) {
  const [domain, setDomain] = useState("");
  const [task, setTask] = useState("");
  const [service, setService] = useState("");
  const [difficulty, setDifficulty] = useState("");
  const [status, setStatus] = useState<DrillFilters["status"]>("all");
  const [count, setCount] = useState("10");

  const tasks = choices.domains
    .filter((d) => !domain || String(d.number) === domain)
    .flatMap((d) => d.tasks);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    onStart({
      domain: domain ? Number(domain) : undefined,
      task: task || undefined,
      service: service || undefined,
      difficulty: (difficulty || undefined) as DrillFilters["difficulty"],
      status,
      count: count === "all" ? "all" : (Number(count) as 10 | 20 | 50),
    });
  }

  return (
    <form
      onSubmit={submit}
      className="border-line bg-surface space-y-5 rounded-xl border p-5"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Domain
          <select
            value={domain}
            onChange={(e) => {
              setDomain(e.target.value);
              setTask("");
            }}
            className={SELECT}
          >
            <option value="">All domains</option>
            {choices.domains.map((d) => (
              <option key={d.number} value={d.number}>
                {d.number}. {d.title}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Task statement
          <select
            value={task}
            onChange={(e) => setTask(e.target.value)}
            className={SELECT}
          >
            <option value="">All task statements</option>
            {tasks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.id} {t.title}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          AWS service
          <select
            value={service}
            onChange={(e) => setService(e.target.value)}
            className={SELECT}
          >
            <option value="">All services</option>
            {choices.services.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Difficulty
          <select
            value={difficulty}
            onChange={(e) => setDifficulty(e.target.value)}
            className={SELECT}
          >
            <option value="">Any difficulty</option>
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </label>
      </div>

      <fieldset>
        <legend className="text-sm font-medium">Which questions</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {STATUSES.map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="status"
                value={value}
                checked={status === value}
                onChange={() => setStatus(value)}
                className="accent-accent size-4"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium">How many</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {["10", "20", "50", "all"].map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="count"
                value={value}
                checked={count === value}
                onChange={() => setCount(value)}
                className="accent-accent size-4"
              />
              {value === "all" ? "All that match" : value}
            </label>
          ))}
        </div>
      </fieldset>

      <button
        type="submit"
        disabled={pending}
        className="bg-accent text-on-accent hover:bg-accent-strong rounded-lg px-5 py-2 font-semibold disabled:opacity-60"
      >
        {pending ? "Starting…" : "Start drill"}
      </button>
    </form>
  );
}
