import { NextResponse } from "next/server";

import { requireRole } from "@/lib/auth/guards";
import { toCsv } from "@/lib/csv/to-csv";
import { getDb } from "@/lib/db/get-db";
import { AppError } from "@/lib/errors/app-error";
import { route } from "@/lib/http/route";
import { cohortLearners, itemReport } from "@/lib/instructors/cohort-reports";
import { getCohortOrThrow } from "@/lib/instructors/cohorts";
import { findSession } from "@/lib/session/open-session";

const percent = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 10;

/** CSV of the cohort table (`learners.csv`) or item analysis (`items.csv`). */
export const GET = route<{ id: string; table: string }>(
  async (request, { params }) => {
    const { id, table } = await params;
    const viewer = requireRole(await findSession(request), "instructor");
    const cohort = await getCohortOrThrow(getDb(), viewer, id);

    let csv: string;
    if (table === "learners.csv") {
      const { rows } = await cohortLearners(cohort.id);
      csv = toCsv(rows, [
        { header: "Learner", value: (r) => r.name },
        { header: "Answered", value: (r) => r.answered },
        { header: "Accuracy %", value: (r) => percent(r.accuracy) },
        ...[1, 2, 3, 4].map((n) => ({
          header: `Domain ${n} accuracy %`,
          value: (r: (typeof rows)[number]) =>
            percent(r.domains.find((d) => d.number === n)?.accuracy ?? null),
        })),
        { header: "Readiness (estimate)", value: (r) => r.readiness },
        { header: "Last active", value: (r) => r.lastActive },
        { header: "Mock exams", value: (r) => r.examsTaken },
        { header: "Best exam", value: (r) => r.bestExam },
        { header: "Latest exam", value: (r) => r.latestExam },
      ]);
    } else if (table === "items.csv") {
      const items = await itemReport(cohort.id);
      csv = toCsv(items, [
        { header: "Question", value: (i) => i.questionId },
        { header: "Task", value: (i) => i.task },
        { header: "Attempts", value: (i) => i.attempts },
        { header: "Facility %", value: (i) => percent(i.facility) },
        {
          header: "Discrimination (upper-lower 27%)",
          value: (i) => i.discrimination,
        },
        {
          header: "Average time s",
          value: (i) =>
            i.averageTimeMs === null
              ? null
              : Math.round(i.averageTimeMs / 100) / 10,
        },
        ...["A", "B", "C", "D", "E", "F"].map((letter) => ({
          header: `Chose ${letter}`,
          value: (i: (typeof items)[number]) =>
            i.options.find((o) => o.letter === letter)?.chosen ?? null,
        })),
        { header: "Flags", value: (i) => i.flags.join(" ") },
      ]);
    } else {
      throw new AppError(
        "NOT_FOUND",
        "Exports are learners.csv and items.csv.",
      );
    }

    const file = `${cohort.name.replace(/[^A-Za-z0-9-]+/g, "-")}-${table}`;
    return new NextResponse(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file}"`,
      },
    });
  },
);
