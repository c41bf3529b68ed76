import { NextResponse } from "next/server";
import { z } from "zod";

import { recordAttempt } from "@/lib/attempts/record-attempt";
import { getDb } from "@/lib/db/get-db";
import { route } from "@/lib/http/route";
import { OptionLetterSchema } from "@/lib/content/question";
import { isCorrect } from "@/lib/questions/check-answer";
import { getQuestionOrThrow } from "@/lib/questions/question-bank";
import { getSessionStore } from "@/lib/session/get-session-store";
import { requireSession } from "@/lib/session/open-session";

const AnswerBodySchema = z.object({
  options: z
    .array(OptionLetterSchema)
    .min(1, "choose at least one option")
    .max(6)
    .refine(
      (letters) => new Set(letters).size === letters.length,
      "an option is chosen twice",
    ),
});

/** Checks an answer on the server, records it, and reveals the explanation. */
export const POST = route<{ id: string }>(
  async (request, { params, timing }) => {
    const { id } = await params;
    const question = getQuestionOrThrow(id);
    const { options } = AnswerBodySchema.parse(
      await request.json().catch(() => ({})),
    );

    const session = await timing.measure("session", () =>
      requireSession(request),
    );
    const onScreen = session.data.onScreen;
    const timeTakenMs =
      onScreen?.questionId === id ? Date.now() - onScreen.startedAt : null;
    const correct = isCorrect(options, question.key.answer);

    await timing.measure("db", () =>
      recordAttempt(getDb(), {
        learnerId: session.data.learner.id,
        questionId: id,
        chosenOptions: options,
        correct,
        timeTakenMs,
        mode: "practice",
      }),
    );
    session.data.onScreen = null;
    await timing.measure("session", () =>
      getSessionStore().save(session.id, session.data),
    );

    return NextResponse.json({
      correct,
      chosen: options,
      timeTakenMs,
      ...question.key,
    });
  },
);
