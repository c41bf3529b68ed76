import { NextResponse } from "next/server";

import { requireRole } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/get-db";
import { route } from "@/lib/http/route";
import { itemReport } from "@/lib/instructors/cohort-reports";
import { getCohortOrThrow } from "@/lib/instructors/cohorts";
import { findSession } from "@/lib/session/open-session";

/**
 * Item analysis over the cohort, or over every learner with the id "all".
 * Any instructor may see the latter: it holds counts and shares per question
 * and option, and names no learner.
 */
export const GET = route<{ id: string }>(
  async (request, { params, timing }) => {
    const { id } = await params;
    const viewer = requireRole(await findSession(request), "instructor");
    const everyone = id === "all";
    if (!everyone) await getCohortOrThrow(getDb(), viewer, id);

    const items = await timing.measure("db", () =>
      itemReport(everyone ? null : id),
    );
    return NextResponse.json({ items });
  },
);
