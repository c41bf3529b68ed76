import { NextResponse } from "next/server";

import { requireRole } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/get-db";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import {
  CohortInputSchema,
  createCohort,
  listCohorts,
} from "@/lib/instructors/cohorts";
import { findSession } from "@/lib/session/open-session";

/** The instructor's cohorts (every cohort for an admin). */
export const GET = route(async (request) => {
  const viewer = requireRole(await findSession(request), "instructor");

  return NextResponse.json({ cohorts: await listCohorts(getDb(), viewer) });
});

export const POST = route(async (request) => {
  const viewer = requireRole(await findSession(request), "instructor");
  const input = await readBody(request, CohortInputSchema);

  return NextResponse.json(await createCohort(getDb(), viewer.id, input), {
    status: 201,
  });
});
