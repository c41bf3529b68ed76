import { NextResponse } from "next/server";
import { z } from "zod";

import { previewQuestion } from "@/lib/content/preview-question";
import { requireRole } from "@/lib/auth/guards";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { findSession } from "@/lib/session/open-session";
import { getQuestionBank } from "@/lib/questions/question-bank";

const PreviewBodySchema = z.object({
  markdown: z
    .string()
    .max(100_000, "a question file is at most 100,000 characters"),
});

/** Validates and renders a draft question; for instructors and admins. */
export const POST = route(async (request) => {
  requireRole(await findSession(request), "instructor");
  const { markdown } = await readBody(request, PreviewBodySchema);
  const { blueprints } = getQuestionBank();
  return NextResponse.json(previewQuestion(markdown, blueprints));
});
