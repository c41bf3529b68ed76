import { NextResponse } from "next/server";

import { advanceDrill } from "@/lib/drills/drill-service";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

export const POST = route(async (request) => {
  const session = await requireSession(request);

  return NextResponse.json({ drill: await advanceDrill(session) });
});
