import { NextResponse } from "next/server";

import { getDb } from "@/lib/db/get-db";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import {
  answerPracticeQuestion,
  PracticeAnswerSchema,
} from "@/lib/practice/answer-practice-question";
import { getQuestionOrThrow } from "@/lib/questions/question-bank";
import { getSessionStore } from "@/lib/session/get-session-store";
import { requireSession } from "@/lib/session/open-session";

/** Checks a review answer and reschedules the question. */
export const POST = route(async (request) => {
  const answer = await readBody(request, PracticeAnswerSchema);
  const question = getQuestionOrThrow(answer.questionId);
  const session = await requireSession(request);

  const result = await answerPracticeQuestion(
    getDb(),
    session.data,
    question,
    answer,
    { mode: "review" },
  );
  if (session.data.onScreen) {
    session.data.onScreen = null;
    await getSessionStore().save(session.id, session.data);
  }
  return NextResponse.json(result);
});
