import { NextResponse } from "next/server";

import { requireRole } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/get-db";
import { route } from "@/lib/http/route";
import { itemReport } from "@/lib/instructors/cohort-reports";
import { getCohortOrThrow } from "@/lib/instructors/cohorts";
import { findSession } from "@/lib/session/open-session";

/** Item analysis over the cohort; the id "all" means every learner (admins). */
export const GET = route<{ id: string }>(
  async (request, { params, timing }) => {
    const { id } = await params;
    const session = await findSession(request);
    const everyone = id === "all";
    const viewer = requireRole(session, everyone ? "admin" : "instructor");
    if (!everyone) await getCohortOrThrow(getDb(), viewer, id);

    const items = await timing.measure("db", () =>
      itemReport(everyone ? null : id),
    );
    return NextResponse.json({ items });
  },
);
