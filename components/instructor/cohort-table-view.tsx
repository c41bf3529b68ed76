"use client";

import Link from "next/link";

import type { CohortPage, CohortRow } from "@/lib/api/instructor-schemas";

const COLUMNS: { key: string; label: string; sortable: boolean }[] = [
  { key: "name", label: "Learner", sortable: true },
  { key: "answered", label: "Answered", sortable: true },
  { key: "accuracy", label: "Accuracy", sortable: true },
  { key: "domains", label: "D1 / D2 / D3 / D4", sortable: false },
  { key: "readiness", label: "Readiness", sortable: true },
  { key: "lastActive", label: "Last active", sortable: true },
  { key: "bestExam", label: "Exams: best / latest", sortable: true },
];

const pct = (share: number | null) =>
  share === null ? "–" : `${Math.round(share * 100)}%`;

export type TableQuery = {
  sort: string;
  dir: "asc" | "desc";
  search: string;
  page: number;
};

/** The sortable, searchable, paginated table of a cohort's learners. */
export function CohortTableView({
  data,
  query,
  onQuery,
}: {
  data: CohortPage;
  query: TableQuery;
  onQuery: (next: TableQuery) => void;
}) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const sortBy = (key: string) =>
    onQuery({
      ...query,
      sort: key,
      dir: query.sort === key && query.dir === "asc" ? "desc" : "asc",
      page: 1,
    });

  return (
    <div className="space-y-3">
      <label className="block max-w-sm text-sm font-medium">
        Search learners
        <input
          type="search"
          value={query.search}
          onChange={(e) =>
            onQuery({ ...query, search: e.target.value, page: 1 })
          }
          className="border-line bg-surface mt-1 block w-full rounded-md border px-3 py-1.5"
        />
      </label>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only">
            Learners of the cohort, sorted by {query.sort}
          </caption>
          <thead>
            <tr className="border-line border-b">
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className="py-2 pr-3"
                  aria-sort={
                    query.sort === column.key
                      ? query.dir === "asc"
                        ? "ascending"
                        : "descending"
                      : undefined
                  }
                >
                  {column.sortable ? (
                    <button
                      type="button"
                      onClick={() => sortBy(column.key)}
                      className="font-semibold underline decoration-dotted"
                    >
                      {column.label}
                      {query.sort === column.key &&
                        (query.dir === "asc" ? " ▲" : " ▼")}
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <Row key={row.learnerId} row={row} cohortId={data.cohort.id} />
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
        <button
          type="button"
          disabled={query.page <= 1}
          onClick={() => onQuery({ ...query, page: query.page - 1 })}
          className="border-line rounded border px-3 py-1 disabled:opacity-50"
        >
          Previous
        </button>
        <span>
          Page {data.page} of {pages} · {data.total} learner(s)
        </span>
        <button
          type="button"
          disabled={query.page >= pages}
          onClick={() => onQuery({ ...query, page: query.page + 1 })}
          className="border-line rounded border px-3 py-1 disabled:opacity-50"
        >
          Next
        </button>
      </nav>
    </div>
  );
}

function Row({ row, cohortId }: { row: CohortRow; cohortId: string }) {
  return (
    <tr className="border-line border-b">
      <th scope="row" className="py-2 pr-3 font-medium">
        <Link
          href={`/instructor/learner?cohort=${cohortId}&id=${row.learnerId}`}
          className="text-accent-ink underline"
        >
          {row.name}
        </Link>
      </th>
      <td className="py-2 pr-3">{row.answered}</td>
      <td className="py-2 pr-3">{pct(row.accuracy)}</td>
      <td className="py-2 pr-3 font-mono text-xs">
        {row.domains.map((d) => pct(d.accuracy)).join(" / ")}
      </td>
      <td className="py-2 pr-3">{row.readiness ?? "–"}</td>
      <td className="py-2 pr-3">
        {row.lastActive ? new Date(row.lastActive).toLocaleDateString() : "–"}
      </td>
      <td className="py-2 pr-3">
        {row.examsTaken === 0
          ? "none"
          : `${row.bestExam} / ${row.latestExam} (${row.examsTaken})`}
      </td>
    </tr>
  );
}
