import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import type { PublicQuestion } from "@/lib/content/question";

export type AttemptRow = {
  questionId: string;
  correct: boolean;
  createdAt: string;
};

type Tally = {
  questions: number;
  seen: number;
  mastered: number;
  attempts: number;
  correct: number;
};

const empty = (): Tally => ({
  questions: 0,
  seen: 0,
  mastered: 0,
  attempts: 0,
  correct: 0,
});

/**
 * Coverage and accuracy per domain and per task statement. `attempts` must
 * be oldest first, so the last answer to a question decides if it is
 * mastered.
 */
export function tallyProgress(
  blueprint: Blueprint,
  questions: PublicQuestion[],
  attempts: AttemptRow[],
) {
  const byTask = new Map<string, Tally>();
  const taskOf = new Map(questions.map((q) => [q.id, q.task]));
  for (const q of questions) tallyOf(byTask, q.task).questions++;

  const latest = new Map<string, boolean>();
  for (const attempt of attempts) {
    const task = taskOf.get(attempt.questionId);
    if (!task) continue;
    const tally = tallyOf(byTask, task);
    tally.attempts++;
    if (attempt.correct) tally.correct++;
    latest.set(attempt.questionId, attempt.correct);
  }
  for (const [questionId, correct] of latest) {
    const tally = tallyOf(byTask, taskOf.get(questionId)!);
    tally.seen++;
    if (correct) tally.mastered++;
  }

  const tasks = blueprint.domains.flatMap((domain) =>
    domain.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      domain: domain.number,
      ...(byTask.get(task.id) ?? empty()),
    })),
  );
  const domains = blueprint.domains.map((domain) => ({
    number: domain.number,
    title: domain.title,
    weight: domain.weight,
    ...sum(tasks.filter((task) => task.domain === domain.number)),
  }));
  return { domains, tasks };
}

function tallyOf(map: Map<string, Tally>, task: string): Tally {
  let tally = map.get(task);
  if (!tally) map.set(task, (tally = empty()));
  return tally;
}

function sum(tallies: Tally[]): Tally {
  return tallies.reduce(
    (total, t) => ({
      questions: total.questions + t.questions,
      seen: total.seen + t.seen,
      mastered: total.mastered + t.mastered,
      attempts: total.attempts + t.attempts,
      correct: total.correct + t.correct,
    }),
    empty(),
  );
}

/** Answers per UTC day over the last `days` days, today last. */
export function dailyActivity(
  attempts: AttemptRow[],
  today: string,
  days = 14,
) {
  const counts = new Map<string, { answered: number; correct: number }>();
  for (const attempt of attempts) {
    const day = attempt.createdAt.slice(0, 10);
    const entry = counts.get(day) ?? { answered: 0, correct: 0 };
    entry.answered++;
    if (attempt.correct) entry.correct++;
    counts.set(day, entry);
  }

  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(end - (days - 1 - index) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return { day, ...(counts.get(day) ?? { answered: 0, correct: 0 }) };
  });
}
