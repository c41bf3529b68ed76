import { NextResponse } from "next/server";
import { z } from "zod";

import { OptionLetterSchema } from "@/lib/content/question";
import { answerInExam } from "@/lib/exams/exam-service";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

const ExamAnswerSchema = z.strictObject({
  chosen: z.array(OptionLetterSchema).max(6),
  flagged: z.boolean(),
});

/** Saves an answer or a flag; no verdict until the exam is submitted. */
export const PUT = route<{ id: string; questionId: string }>(
  async (request, { params, timing }) => {
    const { id, questionId } = await params;
    const answer = await readBody(request, ExamAnswerSchema);
    const session = await timing.measure("session", () =>
      requireSession(request),
    );

    await answerInExam(session, id, questionId, answer);
    return new NextResponse(null, { status: 204 });
  },
);
