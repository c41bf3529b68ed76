import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db/get-db";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { InviteCodeSchema, joinCohort } from "@/lib/instructors/cohorts";
import { requireSession } from "@/lib/session/open-session";

const JoinSchema = z.strictObject({ code: InviteCodeSchema });

/** A learner (guest or member) joins the cohort behind an invite code. */
export const POST = route(async (request) => {
  const session = await requireSession(request);
  const { code } = await readBody(request, JoinSchema);

  return NextResponse.json(
    await joinCohort(getDb(), session.data.learner.id, code),
  );
});
