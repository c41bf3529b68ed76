import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import type { Question } from "@/lib/content/question";

/** The LMS category path of a question: exam / domain / task statement. */
export function categoryPath(
  blueprint: Blueprint,
  question: Question,
): string[] {
  const domain = blueprint.domains.find(
    (d) => d.number === question.public.domain,
  );
  const task = domain?.tasks.find((t) => t.id === question.public.task);
  return [
    blueprint.code.toUpperCase(),
    `Domain ${question.public.domain} ${domain?.title ?? ""}`.trim(),
    `Task ${question.public.task} ${task?.title ?? ""}`.trim(),
  ];
}

/** The category as Moodle names it, under the course's top category. */
export function categoryName(path: string[]): string {
  return ["$course$", "top", ...path].join("/");
}

/** Questions grouped by category, in blueprint order. */
export function byCategory(
  blueprints: ReadonlyMap<string, Blueprint>,
  questions: Question[],
): { path: string[]; questions: Question[] }[] {
  const groups: { path: string[]; questions: Question[] }[] = [];
  for (const blueprint of blueprints.values()) {
    for (const domain of blueprint.domains) {
      for (const task of domain.tasks) {
        const inTask = questions.filter(
          (q) => q.public.exam === blueprint.code && q.public.task === task.id,
        );
        const first = inTask[0];
        if (first)
          groups.push({
            path: categoryPath(blueprint, first),
            questions: inTask,
          });
      }
    }
  }
  return groups;
}

/** Moodle shows one feedback per option: a keyed option gets the insight. */
export function optionFeedback(question: Question, letter: string): string {
  if (question.key.answer.includes(letter))
    return question.key.quickInsightHtml;
  return question.key.traps.find((t) => t.letter === letter)?.html ?? "";
}

/** Moodle accepts only certain grade fractions; these are the ones we use. */
export function keyedFraction(keys: number): string {
  const fractions: Record<number, string> = {
    1: "100",
    2: "50",
    3: "33.33333",
    4: "25",
    5: "20",
  };
  const fraction = fractions[keys];
  if (!fraction) throw new Error(`no Moodle grade fraction for ${keys} keys`);
  return fraction;
}
