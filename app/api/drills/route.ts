import { NextResponse } from "next/server";

import { DrillFiltersSchema } from "@/lib/drills/drill-filters";
import { startDrill } from "@/lib/drills/drill-service";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

/** Starts a drill from the learner's filters. */
export const POST = route(async (request) => {
  const filters = await readBody(request, DrillFiltersSchema);
  const session = await requireSession(request);

  return NextResponse.json(await startDrill(session, filters), {
    status: 201,
  });
});
