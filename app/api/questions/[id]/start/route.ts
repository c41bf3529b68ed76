import { NextResponse } from "next/server";

import { route } from "@/lib/http/route";
import { getQuestionOrThrow } from "@/lib/questions/question-bank";
import { getSessionStore } from "@/lib/session/get-session-store";
import { requireSession } from "@/lib/session/open-session";

/** Notes that the question is on screen, so the server can time the answer. */
export const POST = route<{ id: string }>(
  async (request, { params, timing }) => {
    const { id } = await params;
    getQuestionOrThrow(id);

    await timing.measure("session", async () => {
      const session = await requireSession(request);
      session.data.onScreen = { questionId: id, startedAt: Date.now() };
      await getSessionStore().save(session.id, session.data);
    });
    return new NextResponse(null, { status: 204 });
  },
);
