import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";

export type ScaffoldRequest = {
  blueprint: Blueprint;
  task: string;
  type: "multiple-choice" | "multiple-response";
  id: string;
};

/**
 * A new question file that already passes the checker, with every section
 * holding a prompt that says what to write there.
 */
export function scaffoldQuestion({
  blueprint,
  task,
  type,
  id,
}: ScaffoldRequest): string {
  const domain = blueprint.domains.find((d) =>
    d.tasks.some((t) => t.id === task),
  );
  if (!domain)
    throw new Error(`task ${task} is not in the ${blueprint.code} blueprint`);
  const multiple = type === "multiple-response";
  const letters = multiple ? ["A", "B", "C", "D", "E"] : ["A", "B", "C", "D"];
  const answer = multiple ? ["A", "C"] : ["A"];
  const wrong = letters.filter((l) => !answer.includes(l));

  return `---
id: ${id}
exam: ${blueprint.code}
domain: ${domain.number}
task: "${task}"
type: ${type}
difficulty: medium
services: [Amazon S3]
answer: [${answer.join(", ")}]
sources:
  - https://docs.aws.amazon.com/
tags: []
---

## Scenario

Describe the team, the workload and its constraints, as the exam would.

## Requirement

Ask the question.${multiple ? " (Choose two.)" : ""}

## Options

${letters.map((l) => `- ${l}. What option ${l} proposes`).join("\n")}

## Quick insight

One or two sentences a candidate can remember.

## Winning logic

Why the keyed option${answer.length === 1 ? " meets" : "s meet"} every part of the requirement.
Name options by what they say, not by letter: each learner sees them in a
different order.

## Traps

${wrong.map((l) => `### ${l}\n\nWhy this option is tempting, and why it fails.`).join("\n\n")}

## Technical blueprint

\`\`\`bash
aws s3 ls
\`\`\`

## Comparison

| Approach | Why it fits or not |
| -------- | ------------------ |
${letters.map(() => `| …        | …                  |`).join("\n")}

## Exam rule vs real world

The rule of thumb the exam rewards, and where real projects differ.
`;
}
