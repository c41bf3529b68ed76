import { NextResponse } from "next/server";

import { getQuestionBank } from "@/lib/questions/question-bank";

// The public part of every question is written out as JSON at build time,
// like the question pages, so drills and exams fetch it without a render.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return [...getQuestionBank().questions.keys()].map((id) => ({ id }));
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  const { id } = await params;
  const question = getQuestionBank().questions.get(id);
  if (!question) {
    return NextResponse.json(
      { error: { code: "NOT_FOUND", message: `No question "${id}".` } },
      { status: 404 },
    );
  }
  return NextResponse.json(question.public);
}
