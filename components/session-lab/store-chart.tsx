"use client";

import {
  Bar,
  BarChart,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type StoreThroughput = { store: string; reads: number; writes: number };

/** Reads and writes a second per store, side by side, at one concurrency. */
export function StoreChart({
  rows,
  inFlight,
}: {
  rows: StoreThroughput[];
  inFlight: number;
}) {
  const best = rows.reduce((a, b) => (a.writes > b.writes ? a : b));
  return (
    <figure className="space-y-2">
      <div
        className="h-64 w-full"
        role="img"
        aria-label={
          `Session reads and writes a second with ${inFlight} in flight; ` +
          `most writes: ${best.store}, ${best.writes.toLocaleString("en")}`
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ left: 8, right: 8 }}>
            <XAxis
              dataKey="store"
              stroke="var(--color-ink-muted)"
              fontSize={11}
            />
            <YAxis
              stroke="var(--color-ink-muted)"
              fontSize={11}
              tickFormatter={(n: number) => `${Math.round(n / 1000)}k`}
            />
            <Tooltip
              formatter={(value) => Number(value).toLocaleString("en")}
              contentStyle={{
                background: "var(--color-surface)",
                border: "1px solid var(--color-line)",
                color: "var(--color-ink)",
              }}
            />
            <Legend />
            <Bar
              dataKey="reads"
              name="reads a second"
              fill="var(--color-accent)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="writes"
              name="writes a second"
              fill="var(--color-good-line)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-ink-muted text-sm">
        Session reads and writes a second with {inFlight} in flight, from the
        table below.
      </figcaption>
    </figure>
  );
}
