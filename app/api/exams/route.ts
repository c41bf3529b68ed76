import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db/get-db";
import { findRunningExam, startExam } from "@/lib/exams/exam-service";
import { examHistory } from "@/lib/exams/exam-view";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

const StartExamSchema = z.strictObject({
  examCode: z.string().min(1).max(50),
  size: z.enum(["full", "quick"]),
});

/** Starts a mock exam drawn by the blueprint's domain weights. */
export const POST = route(async (request) => {
  const body = await readBody(request, StartExamSchema);
  const session = await requireSession(request);

  const exam = await startExam(session, body);
  return NextResponse.json({ examId: exam.id }, { status: 201 });
});

/** The exam in progress, if any, and the learner's finished exams. */
export const GET = route(async (request) => {
  const session = await requireSession(request);

  const running = await findRunningExam(session);
  return NextResponse.json({
    active: running?.id ?? null,
    history: await examHistory(getDb(), session.data.learner.id),
  });
});
