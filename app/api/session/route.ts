import { NextResponse } from "next/server";

import { getLearnerProgress } from "@/lib/attempts/get-learner-progress";
import { getDb } from "@/lib/db/get-db";
import { route } from "@/lib/http/route";
import { attachSession, ensureSession } from "@/lib/session/open-session";

/** Starts a guest session on the first visit and reports who is practising. */
export const POST = route(async (request, { timing }) => {
  const session = await timing.measure("session", () => ensureSession(request));
  const progress = await timing.measure("db", () =>
    getLearnerProgress(getDb(), session.data.learner.id),
  );

  return attachSession(
    NextResponse.json({ learner: session.data.learner, progress }),
    session,
  );
});
