"use client";

import {
  Bar,
  BarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import type { Progress } from "@/lib/api/progress-schemas";

/** Answers per day over the last two weeks, right and wrong stacked. */
export function ActivityChart({ days }: { days: Progress["activity"] }) {
  const rows = days.map((d) => ({
    day: d.day.slice(5),
    right: d.correct,
    wrong: d.answered - d.correct,
  }));
  const total = days.reduce((sum, d) => sum + d.answered, 0);
  return (
    <figure className="space-y-2">
      <div
        className="h-40 w-full"
        role="img"
        aria-label={`${total} answers in the last ${days.length} days`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ left: -20, right: 8 }}>
            <XAxis
              dataKey="day"
              stroke="var(--color-ink-muted)"
              fontSize={11}
            />
            <YAxis
              allowDecimals={false}
              stroke="var(--color-ink-muted)"
              fontSize={11}
            />
            <Tooltip
              contentStyle={{
                background: "var(--color-surface)",
                border: "1px solid var(--color-line)",
                color: "var(--color-ink)",
              }}
            />
            <Bar
              dataKey="right"
              stackId="a"
              fill="var(--color-good-line)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="wrong"
              stackId="a"
              fill="var(--color-bad-line)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-ink-muted text-sm">
        Answers per day (UTC), right in green and wrong in red.
      </figcaption>
    </figure>
  );
}
