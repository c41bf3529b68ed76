import { NextResponse } from "next/server";

import { findExam } from "@/lib/exams/exam-service";
import { examView } from "@/lib/exams/exam-view";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const { id } = await params;
  const session = await requireSession(request);

  const exam = await findExam(session, id);
  return NextResponse.json(examView(exam, session.data.learner.id));
});
