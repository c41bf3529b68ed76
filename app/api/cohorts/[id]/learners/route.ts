import { NextResponse } from "next/server";

import { requireRole } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/get-db";
import { route } from "@/lib/http/route";
import { cohortLearners } from "@/lib/instructors/cohort-reports";
import {
  CohortTableQuerySchema,
  pageOfRows,
} from "@/lib/instructors/cohort-table";
import { getCohortOrThrow } from "@/lib/instructors/cohorts";
import { findSession } from "@/lib/session/open-session";

/** One page of the cohort table, sorted and searched, with task columns. */
export const GET = route<{ id: string }>(
  async (request, { params, timing }) => {
    const { id } = await params;
    const viewer = requireRole(await findSession(request), "instructor");
    const query = CohortTableQuerySchema.parse(
      Object.fromEntries(request.nextUrl.searchParams),
    );
    const cohort = await getCohortOrThrow(getDb(), viewer, id);

    const { rows, tasks } = await timing.measure("db", () =>
      cohortLearners(cohort.id),
    );
    return NextResponse.json({ cohort, tasks, ...pageOfRows(rows, query) });
  },
);
