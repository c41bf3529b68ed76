import { NextResponse } from "next/server";
import { z } from "zod";

import { previewQuestion } from "@/lib/content/preview-question";
import { route } from "@/lib/http/route";
import { getQuestionBank } from "@/lib/questions/question-bank";

const PreviewBodySchema = z.object({
  markdown: z
    .string()
    .max(100_000, "a question file is at most 100,000 characters"),
});

// TODO(#5): limit to authors and instructors once accounts exist.
/** Validates and renders a draft question for the live preview. */
export const POST = route(async (request) => {
  const { markdown } = PreviewBodySchema.parse(
    await request.json().catch(() => ({})),
  );
  const { blueprints } = getQuestionBank();
  return NextResponse.json(previewQuestion(markdown, blueprints));
});
