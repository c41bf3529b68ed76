import { NextResponse } from "next/server";

import { submitExam } from "@/lib/exams/exam-service";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const { id } = await params;
  const session = await requireSession(request);

  await submitExam(session, id);
  return NextResponse.json({ examId: id, status: "submitted" });
});
