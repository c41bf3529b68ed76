import { NextResponse } from "next/server";

import { getDb } from "@/lib/db/get-db";
import { route } from "@/lib/http/route";
import { getReviewQueue } from "@/lib/review/review-queue";
import { requireSession } from "@/lib/session/open-session";

export const GET = route(async (request, { timing }) => {
  const session = await timing.measure("session", () =>
    requireSession(request),
  );

  return NextResponse.json(
    await timing.measure("db", () =>
      getReviewQueue(getDb(), session.data.learner.id),
    ),
  );
});
