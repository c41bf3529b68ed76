import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db/get-db";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { getQuestionOrThrow } from "@/lib/questions/question-bank";
import { flagForReview } from "@/lib/review/review-store";
import { requireSession } from "@/lib/session/open-session";

const FlagSchema = z.strictObject({ questionId: z.string().min(1).max(200) });

/** Puts a question in the review queue now, whatever its schedule said. */
export const POST = route(async (request) => {
  const { questionId } = await readBody(request, FlagSchema);
  getQuestionOrThrow(questionId);
  const session = await requireSession(request);

  await flagForReview(getDb(), session.data.learner.id, questionId, new Date());
  return NextResponse.json({ questionId, flagged: true });
});
