import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db/get-db";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import {
  answerPracticeQuestion,
  ChosenOptionsSchema,
} from "@/lib/practice/answer-practice-question";
import { getQuestionOrThrow } from "@/lib/questions/question-bank";
import { getSessionStore } from "@/lib/session/get-session-store";
import { requireSession } from "@/lib/session/open-session";

const AnswerBodySchema = z.object({ options: ChosenOptionsSchema });

/** Checks an answer on a question page, records it and reveals the key. */
export const POST = route<{ id: string }>(
  async (request, { params, timing }) => {
    const { id } = await params;
    const question = getQuestionOrThrow(id);
    const { options } = await readBody(request, AnswerBodySchema);

    const session = await timing.measure("session", () =>
      requireSession(request),
    );
    const result = await timing.measure("db", () =>
      answerPracticeQuestion(
        getDb(),
        session.data,
        question,
        { questionId: id, options, unsure: false },
        { mode: "practice" },
      ),
    );
    session.data.onScreen = null;
    await timing.measure("session", () =>
      getSessionStore().save(session.id, session.data),
    );

    return NextResponse.json(result);
  },
);
