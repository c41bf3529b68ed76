import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db/get-db";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { ExamDateSchema, setExamDate } from "@/lib/learners/exam-date";
import { rescheduleCardsForExam } from "@/lib/review/review-store";
import { requireSession } from "@/lib/session/open-session";

const ProfileSchema = z.strictObject({ examDate: ExamDateSchema });

/** Sets or clears the learner's exam date, which review scheduling uses. */
export const PUT = route(async (request) => {
  const { examDate } = await readBody(request, ProfileSchema);
  const session = await requireSession(request);

  const learnerId = session.data.learner.id;
  await setExamDate(getDb(), learnerId, examDate);
  const moved = await rescheduleCardsForExam(
    getDb(),
    learnerId,
    examDate,
    new Date(),
  );
  return NextResponse.json({ examDate, reviewsMoved: moved });
});
