import "server-only";

import { getDb } from "@/lib/db/get-db";
import { analyseItemsInDatabase } from "@/lib/instructors/analyse-items-in-database";
import type { ItemStats } from "@/lib/instructors/item-analysis";
import { cohortRows, type CohortRow } from "@/lib/instructors/cohort-table";
import { getQuestionBank } from "@/lib/questions/question-bank";

function blueprintAndPlaces() {
  const bank = getQuestionBank();
  const [blueprint] = bank.blueprints.values();
  if (!blueprint) throw new Error("no exam blueprint is loaded");
  const places = new Map(
    [...bank.questions.values()]
      .filter((q) => q.public.exam === blueprint.code)
      .map((q) => [
        q.public.id,
        { domain: q.public.domain, task: q.public.task },
      ]),
  );
  return { blueprint, places };
}

/** Every learner of a cohort with their figures, for the table and heatmap. */
export async function cohortLearners(cohortId: string): Promise<{
  rows: CohortRow[];
  tasks: { id: string; title: string; domain: number }[];
}> {
  const { blueprint, places } = blueprintAndPlaces();
  const rows = await cohortRows(getDb(), cohortId, blueprint, places);
  const tasks = blueprint.domains.flatMap((d) =>
    d.tasks.map((t) => ({ id: t.id, title: t.title, domain: d.number })),
  );
  return { rows, tasks };
}

export type ItemReport = ItemStats & {
  task: string;
  summary: string;
  traps: Record<string, string>;
};

/**
 * Item analysis over a cohort's learners (or everyone, with no cohort), each
 * question with its authored trap paragraphs beside the option counts.
 */
export async function itemReport(
  cohortId: string | null,
): Promise<ItemReport[]> {
  const questions = [...getQuestionBank().questions.values()];

  const stats = await analyseItemsInDatabase(
    getDb(),
    questions.map((q) => ({
      id: q.public.id,
      options: q.public.options.map((o) => o.letter),
      answer: q.key.answer,
    })),
    { cohortId },
  );
  return stats.map((item, index) => {
    const question = questions[index]!;
    return {
      ...item,
      task: question.public.task,
      summary: plainText(question.public.requirementHtml),
      traps: Object.fromEntries(
        question.key.traps.map((t) => [t.letter, t.html]),
      ),
    };
  });
}

function plainText(html: string): string {
  const text = html
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
