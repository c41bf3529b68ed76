"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

type Row = { label: string; percent: number };

/** Share correct per domain, as horizontal bars against a target line. */
export function DomainBars({
  rows,
  target,
  caption,
}: {
  rows: Row[];
  target?: number;
  caption: string;
}) {
  return (
    <figure className="space-y-2">
      <div
        className="w-full"
        style={{ height: 56 * rows.length + 40 }}
        role="img"
        aria-label={rows.map((r) => `${r.label}: ${r.percent}%`).join("; ")}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ left: 8, right: 24 }}
          >
            <CartesianGrid
              stroke="var(--color-line)"
              strokeDasharray="3 3"
              horizontal={false}
            />
            <XAxis
              type="number"
              domain={[0, 100]}
              unit="%"
              stroke="var(--color-ink-muted)"
              fontSize={12}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={120}
              stroke="var(--color-ink-muted)"
              fontSize={12}
            />
            <Tooltip
              formatter={(value) => [`${String(value)}%`, "Correct"]}
              contentStyle={{
                background: "var(--color-surface)",
                border: "1px solid var(--color-line)",
                color: "var(--color-ink)",
              }}
            />
            {target !== undefined && (
              <ReferenceLine
                x={target}
                stroke="var(--color-bad-line)"
                strokeDasharray="6 3"
              />
            )}
            <Bar
              dataKey="percent"
              fill="var(--color-accent)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-ink-muted text-sm">{caption}</figcaption>
    </figure>
  );
}
