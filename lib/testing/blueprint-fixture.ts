import type { Blueprint } from "@/lib/content/blueprint-schema";

function domain(number: number, weight: number, taskCount: number) {
  const tasks = Array.from({ length: taskCount }, (_, i) => ({
    id: `${number}.${i + 1}`,
    title: `Task ${number}.${i + 1}`,
  }));
  return { number, title: `Domain ${number}`, weight, tasks };
}

/**
 * A blueprint shaped like DVA-C02 (65 questions, 130 minutes, 100–1000 with
 * 720 to pass, weights 32/26/24/18 over 3/3/4/3 task statements), fixed in
 * code so tests of drawing and scoring do not move when the real file does.
 */
export const TEST_BLUEPRINT: Blueprint = {
  code: "dva-c02",
  title: "AWS Certified Developer – Associate",
  questionCount: 65,
  scoredCount: 50,
  unscoredCount: 15,
  durationMinutes: 130,
  score: { min: 100, max: 1000, pass: 720 },
  responseTypes: {
    "multiple-choice": {
      keys: { min: 1, max: 1 },
      options: { min: 4, max: 4 },
    },
    "multiple-response": { keys: { min: 2 }, options: { min: 5 } },
  },
  domains: [
    domain(1, 32, 3),
    domain(2, 26, 3),
    domain(3, 24, 4),
    domain(4, 18, 3),
  ],
};
