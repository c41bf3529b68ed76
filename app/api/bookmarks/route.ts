import { NextResponse } from "next/server";

import { listBookmarks } from "@/lib/bookmarks/bookmarks";
import { getDb } from "@/lib/db/get-db";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

/** The ids of the learner's bookmarked questions, newest first. */
export const GET = route(async (request) => {
  const session = await requireSession(request);

  return NextResponse.json({
    bookmarks: await listBookmarks(getDb(), session.data.learner.id),
  });
});
