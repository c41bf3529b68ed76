import "server-only";

import { getLearnerHistory } from "@/lib/attempts/learner-history";
import { getDb } from "@/lib/db/get-db";
import type { DrillFilters } from "@/lib/drills/drill-filters";
import {
  createDrill,
  loadDrillAnswer,
  saveDrillPosition,
} from "@/lib/drills/drill-store";
import { drillView } from "@/lib/drills/drill-view";
import { selectDrillQuestions } from "@/lib/drills/select-drill-questions";
import { AppError } from "@/lib/errors/app-error";
import {
  answerPracticeQuestion,
  requireOutsideRunningExam,
  type PracticeAnswer,
} from "@/lib/practice/answer-practice-question";
import {
  getQuestionBank,
  getQuestionOrThrow,
} from "@/lib/questions/question-bank";
import { nextReviewOf } from "@/lib/review/review-store";
import { getSessionStore } from "@/lib/session/get-session-store";
import type { ActiveSession } from "@/lib/session/open-session";
import type { DrillState } from "@/lib/session/session-schema";

export async function startDrill(
  session: ActiveSession,
  filters: DrillFilters,
) {
  const learnerId = session.data.learner.id;
  const history = await getLearnerHistory(getDb(), learnerId);
  const publicQuestions = [...getQuestionBank().questions.values()].map(
    (q) => q.public,
  );
  const { questionIds, matched } = selectDrillQuestions(
    publicQuestions,
    filters,
    history,
  );
  if (questionIds.length === 0) {
    throw new AppError(
      "CONFLICT",
      "No question matches these choices. Widen the filters (for example " +
        "“all questions” instead of “missed before”) and start again.",
    );
  }

  const drill = await createDrill(getDb(), learnerId, filters, questionIds);
  session.data.drill = drill;
  session.data.onScreen = null;
  await getSessionStore().save(session.id, session.data);
  return { drill: drillView(drill, learnerId), matched };
}

export function requireDrill(session: ActiveSession): DrillState {
  const drill = session.data.drill;
  if (!drill) {
    throw new AppError(
      "NOT_FOUND",
      "You have no drill in progress. Choose questions to start one.",
    );
  }
  return drill;
}

export async function answerInDrill(
  session: ActiveSession,
  answer: PracticeAnswer,
) {
  const drill = requireDrill(session);
  if (drill.questionIds[drill.position] !== answer.questionId) {
    throw new AppError(
      "CONFLICT",
      "That question is not the one on screen in your drill. Reload the " +
        "page to continue where you are.",
    );
  }
  if (answer.questionId in drill.answered) {
    throw new AppError(
      "CONFLICT",
      "You have already answered this question in this drill.",
    );
  }

  const result = await answerPracticeQuestion(
    getDb(),
    session.data,
    getQuestionOrThrow(answer.questionId),
    answer,
    { mode: "drill", drillId: drill.id },
  );
  drill.answered[answer.questionId] = result.correct;
  session.data.onScreen = null;
  await getSessionStore().save(session.id, session.data);
  return result;
}

/**
 * The answer already given to the question on screen, with its explanation,
 * so a reload shows what the learner saw when they checked it.
 */
export async function drillAnswerOnScreen(session: ActiveSession) {
  const drill = requireDrill(session);
  const learnerId = session.data.learner.id;
  const questionId = drill.questionIds[drill.position];
  const answer = questionId
    ? await loadDrillAnswer(getDb(), drill.id, questionId)
    : null;
  if (!questionId || !answer) {
    throw new AppError(
      "NOT_FOUND",
      "You have not answered the question on screen in this drill yet.",
    );
  }
  const now = new Date();
  await requireOutsideRunningExam(getDb(), learnerId, questionId, now);

  const nextReview = await nextReviewOf(getDb(), learnerId, questionId);
  return {
    ...answer,
    nextReview: nextReview ?? now.toISOString(),
    ...getQuestionOrThrow(questionId).key,
  };
}

/** Moves on to the next question; skipping an unanswered one is allowed. */
export async function advanceDrill(session: ActiveSession) {
  const drill = requireDrill(session);
  drill.position = Math.min(drill.position + 1, drill.questionIds.length);

  await saveDrillPosition(getDb(), drill);
  const view = drillView(drill, session.data.learner.id);
  if (view.finished) session.data.drill = null;
  await getSessionStore().save(session.id, session.data);
  return view;
}
