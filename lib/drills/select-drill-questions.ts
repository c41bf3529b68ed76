import "server-only";

import type { PublicQuestion } from "@/lib/content/question";
import type { DrillFilters } from "@/lib/drills/drill-filters";

/** What the learner has done so far, as sets of question ids. */
export type LearnerHistory = {
  seen: ReadonlySet<string>;
  missed: ReadonlySet<string>;
  bookmarked: ReadonlySet<string>;
};

/**
 * The most questions one drill holds. The drill's question ids travel in the
 * session, which memcached caps at SESSION_MAX_BYTES (64 KB by default); 300
 * ids take about 13 KB and leave room for an exam in progress.
 */
export const MAX_DRILL_QUESTIONS = 300;

/** The questions matching the filters, shuffled, cut to the drill's size. */
export function selectDrillQuestions(
  questions: Iterable<PublicQuestion>,
  filters: DrillFilters,
  history: LearnerHistory,
  random: () => number = Math.random,
): { questionIds: string[]; matched: number } {
  const matching = [...questions]
    .filter((q) => matchesFilters(q, filters, history))
    .map((q) => q.id);

  shuffle(matching, random);
  const size = filters.count === "all" ? MAX_DRILL_QUESTIONS : filters.count;
  return { questionIds: matching.slice(0, size), matched: matching.length };
}

function matchesFilters(
  question: PublicQuestion,
  filters: DrillFilters,
  history: LearnerHistory,
): boolean {
  if (filters.domain && question.domain !== filters.domain) return false;
  if (filters.task && question.task !== filters.task) return false;
  if (filters.service && !question.services.includes(filters.service))
    return false;
  if (filters.difficulty && question.difficulty !== filters.difficulty)
    return false;

  switch (filters.status) {
    case "unseen":
      return !history.seen.has(question.id);
    case "missed":
      return history.missed.has(question.id);
    case "bookmarked":
      return history.bookmarked.has(question.id);
    default:
      return true;
  }
}

function shuffle<T>(items: T[], random: () => number) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
