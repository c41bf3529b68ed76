import { NextResponse } from "next/server";

import { getDb } from "@/lib/db/get-db";
import { findExam } from "@/lib/exams/exam-service";
import { examResult } from "@/lib/exams/exam-view";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const { id } = await params;
  const session = await requireSession(request);

  // Scores an exam that ran out of time while nobody was looking.
  await findExam(session, id);
  return NextResponse.json(
    await examResult(getDb(), id, session.data.learner.id),
  );
});
