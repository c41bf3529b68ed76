import { NextResponse } from "next/server";

import { listBookmarks } from "@/lib/bookmarks/bookmarks";
import { getDb } from "@/lib/db/get-db";
import { drillView } from "@/lib/drills/drill-view";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

/** The drill in progress, or null, with the learner's bookmarks. */
export const GET = route(async (request, { timing }) => {
  const session = await timing.measure("session", () =>
    requireSession(request),
  );
  const { drill, learner } = session.data;
  const bookmarks = await timing.measure("db", () =>
    listBookmarks(getDb(), learner.id),
  );

  return NextResponse.json({
    drill: drill ? drillView(drill, learner.id) : null,
    bookmarks,
  });
});
