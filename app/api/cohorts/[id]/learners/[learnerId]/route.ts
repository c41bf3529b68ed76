import { NextResponse } from "next/server";

import { requireRole } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/get-db";
import { AppError } from "@/lib/errors/app-error";
import { route } from "@/lib/http/route";
import { canViewLearner, getCohortOrThrow } from "@/lib/instructors/cohorts";
import { getProgress } from "@/lib/progress/get-progress";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { findSession } from "@/lib/session/open-session";

/** One learner's progress, for the instructor of a cohort they are in. */
export const GET = route<{ id: string; learnerId: string }>(
  async (request, { params }) => {
    const { id, learnerId } = await params;
    const viewer = requireRole(await findSession(request), "instructor");
    const cohort = await getCohortOrThrow(getDb(), viewer, id);
    if (!(await canViewLearner(getDb(), viewer, cohort.id, learnerId))) {
      throw new AppError(
        "NOT_FOUND",
        "There is no such learner in this cohort.",
      );
    }

    const [examCode] = getQuestionBank().blueprints.keys();
    const progress = await getProgress(getDb(), learnerId, examCode!);
    // Bookmarks are the learner's own notes, not a teaching signal.
    return NextResponse.json({ ...progress, bookmarks: [] });
  },
);
