"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

type Point = { label: string; scaled: number };

/** Scaled mock-exam scores over time against the pass mark. */
export function ScoreHistoryChart({
  points,
  passMark,
  min = 100,
  max = 1000,
}: {
  points: Point[];
  passMark: number;
  min?: number;
  max?: number;
}) {
  return (
    <figure className="space-y-2">
      <div
        className="h-64 w-full"
        role="img"
        aria-label={
          "Mock exam scores, oldest to newest: " +
          `${points.map((p) => p.scaled).join(", ")}; ` +
          `the pass mark is ${passMark}.`
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={points}
            margin={{ top: 10, right: 16, left: 0, bottom: 0 }}
          >
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
            <XAxis
              dataKey="label"
              stroke="var(--color-ink-muted)"
              fontSize={12}
            />
            <YAxis
              domain={[min, max]}
              stroke="var(--color-ink-muted)"
              fontSize={12}
            />
            <Tooltip
              contentStyle={{
                background: "var(--color-surface)",
                border: "1px solid var(--color-line)",
                color: "var(--color-ink)",
              }}
            />
            <ReferenceLine
              y={passMark}
              stroke="var(--color-bad-line)"
              strokeDasharray="6 3"
              label={{
                value: `pass ${passMark}`,
                fill: "var(--color-ink-muted)",
                fontSize: 12,
                position: "insideTopLeft",
              }}
            />
            <Line
              type="monotone"
              dataKey="scaled"
              name="Scaled score"
              stroke="var(--color-accent)"
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-ink-muted text-sm">
        Scaled score of each finished mock exam; the dashed line is the pass
        mark.
      </figcaption>
    </figure>
  );
}
