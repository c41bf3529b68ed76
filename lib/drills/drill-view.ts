import "server-only";

import type { DrillView } from "@/lib/api/drill-schemas";
import { getQuestionOrThrow } from "@/lib/questions/question-bank";
import { optionOrder } from "@/lib/questions/option-order";
import type { DrillState } from "@/lib/session/session-schema";

/**
 * What the drill screen needs: where the learner is, the verdicts so far and
 * the option order of the question on screen. Never an answer key.
 */
export function drillView(drill: DrillState, learnerId: string): DrillView {
  const total = drill.questionIds.length;
  const questionId = drill.questionIds[drill.position];
  const verdicts = Object.values(drill.answered);

  return {
    id: drill.id,
    position: drill.position,
    total,
    finished: questionId === undefined,
    answeredCount: verdicts.length,
    correctCount: verdicts.filter(Boolean).length,
    current: questionId
      ? {
          questionId,
          order: optionOrder(
            learnerId,
            questionId,
            getQuestionOrThrow(questionId).public.options.map((o) => o.letter),
          ),
          correct: drill.answered[questionId] ?? null,
        }
      : null,
  };
}
