"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** A domain's share correct, or null when it has no answers to share. */
type Row = { label: string; percent: number | null };

const NO_ANSWERS = "no answers yet";

/**
 * What the chart draws: an empty bar with a note for a domain without
 * answers, which a bar at 0% would misreport as "all wrong".
 */
export function barData(rows: Row[]) {
  return rows.map((row) => ({
    label: row.label,
    percent: row.percent ?? 0,
    note: row.percent === null ? NO_ANSWERS : "",
  }));
}

/** A row as a screen reader hears it. */
export function describeRow(row: Row) {
  return `${row.label}: ${row.percent === null ? NO_ANSWERS : `${row.percent}%`}`;
}

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
  const data = barData(rows);
  return (
    <figure className="space-y-2">
      <div
        className="w-full"
        style={{ height: 56 * rows.length + 40 }}
        role="img"
        aria-label={rows.map(describeRow).join("; ")}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
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
              formatter={(value, _name, item) => [
                (item.payload as { note: string }).note || `${String(value)}%`,
                "Correct",
              ]}
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
              // Recharts labels only bars with a size: a domain without
              // answers gets an invisible sliver to hang its note on.
              minPointSize={(_value, index) => (data[index]?.note ? 1 : 0)}
            >
              {data.map((row) => (
                <Cell
                  key={row.label}
                  fill={row.note ? "transparent" : "var(--color-accent)"}
                />
              ))}
              <LabelList
                dataKey="note"
                position="right"
                fill="var(--color-ink-muted)"
                fontSize={12}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-ink-muted text-sm">{caption}</figcaption>
    </figure>
  );
}
