import { NextResponse } from "next/server";

import { answerInDrill, drillAnswerOnScreen } from "@/lib/drills/drill-service";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { PracticeAnswerSchema } from "@/lib/practice/answer-practice-question";
import { requireSession } from "@/lib/session/open-session";

/** Checks the answer to the question on screen and reveals its explanation. */
export const POST = route(async (request) => {
  const answer = await readBody(request, PracticeAnswerSchema);
  const session = await requireSession(request);

  return NextResponse.json(await answerInDrill(session, answer));
});

/** The answer already given to the question on screen, for a reload. */
export const GET = route(async (request) => {
  const session = await requireSession(request);

  return NextResponse.json(await drillAnswerOnScreen(session));
});
