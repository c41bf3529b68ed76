import { NextResponse } from "next/server";
import { z } from "zod";

import { setBookmark } from "@/lib/bookmarks/bookmarks";
import { getDb } from "@/lib/db/get-db";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { getQuestionOrThrow } from "@/lib/questions/question-bank";
import { requireSession } from "@/lib/session/open-session";

const BookmarkSchema = z.strictObject({ bookmarked: z.boolean() });

export const PUT = route<{ questionId: string }>(
  async (request, { params }) => {
    const { questionId } = await params;
    getQuestionOrThrow(questionId);
    const { bookmarked } = await readBody(request, BookmarkSchema);
    const session = await requireSession(request);

    await setBookmark(getDb(), session.data.learner.id, questionId, bookmarked);
    return NextResponse.json({ questionId, bookmarked });
  },
);
