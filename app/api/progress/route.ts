import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db/get-db";
import { route } from "@/lib/http/route";
import { getProgress } from "@/lib/progress/get-progress";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { AppError } from "@/lib/errors/app-error";
import { requireSession } from "@/lib/session/open-session";

const QuerySchema = z.object({ exam: z.string().min(1).max(50).optional() });

export const GET = route(async (request, { timing }) => {
  const query = QuerySchema.parse(
    Object.fromEntries(request.nextUrl.searchParams),
  );
  const examCode = query.exam ?? [...getQuestionBank().blueprints.keys()][0];
  if (!examCode || !getQuestionBank().blueprints.has(examCode)) {
    throw new AppError("NOT_FOUND", `There is no exam "${query.exam}".`);
  }
  const session = await timing.measure("session", () =>
    requireSession(request),
  );

  return NextResponse.json(
    await timing.measure("db", () =>
      getProgress(getDb(), session.data.learner.id, examCode),
    ),
  );
});
