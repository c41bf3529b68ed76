import "server-only";
import type { Kysely } from "kysely";

import type { Progress } from "@/lib/api/progress-schemas";
import { listBookmarks } from "@/lib/bookmarks/bookmarks";
import type { Database } from "@/lib/db/schema";
import { examHistory } from "@/lib/exams/exam-view";
import { scoreScale } from "@/lib/exams/score-exam";
import { getExamDate } from "@/lib/learners/exam-date";
import { estimateReadiness } from "@/lib/progress/readiness";
import { studyStreak } from "@/lib/progress/streak";
import { dailyActivity, tallyProgress } from "@/lib/progress/tally-progress";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { getReviewQueue } from "@/lib/review/review-queue";

/** Everything the progress page shows, for one learner and one exam. */
export async function getProgress(
  db: Kysely<Database>,
  learnerId: string,
  examCode: string,
  now = new Date(),
): Promise<Progress> {
  const bank = getQuestionBank();
  const blueprint = bank.blueprints.get(examCode);
  if (!blueprint) throw new Error(`no blueprint "${examCode}"`);
  const questions = [...bank.questions.values()]
    .map((q) => q.public)
    .filter((q) => q.exam === examCode);
  const byId = new Map(questions.map((q) => [q.id, q]));

  const rows = await db
    .selectFrom("attempts")
    .select(["question_id", "correct", "created_at"])
    .where("learner_id", "=", learnerId)
    .orderBy("created_at", "asc")
    .execute();
  const attempts = rows
    .filter((row) => byId.has(row.question_id))
    .map((row) => ({
      questionId: row.question_id,
      correct: row.correct === 1,
      createdAt: row.created_at,
    }));

  const today = now.toISOString().slice(0, 10);
  const readiness = estimateReadiness(
    blueprint,
    attempts.map((a) => ({
      domain: byId.get(a.questionId)!.domain,
      correct: a.correct,
      createdAt: a.createdAt,
    })),
  );
  const bookmarks = (await listBookmarks(db, learnerId)).flatMap((id) => {
    const question = byId.get(id);
    return question
      ? [
          {
            id,
            task: question.task,
            summary: summarize(question.requirementHtml),
          },
        ]
      : [];
  });

  return {
    examCode,
    examTitle: blueprint.title,
    passMark: blueprint.score.pass,
    scale: scoreScale(blueprint.score),
    examDate: await getExamDate(db, learnerId),
    ...tallyProgress(blueprint, questions, attempts),
    activity: dailyActivity(attempts, today),
    streak: studyStreak(
      attempts.map((a) => a.createdAt.slice(0, 10)),
      today,
    ),
    readiness,
    bookmarks,
    exams: (await examHistory(db, learnerId)).filter(
      (exam) => exam.examCode === examCode,
    ),
    reviewDue: (await getReviewQueue(db, learnerId, now)).due.length,
  };
}

/** The requirement's text, without markup, cut to a line. */
function summarize(html: string): string {
  const text = html
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}
