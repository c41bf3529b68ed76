// `npm run content:new -- --task 1.3 --type multiple [--id my-slug] [--exam dva-c02]`
// writes a new question file that passes content:check, ready to fill in.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import { loadBlueprints } from "@/lib/content/load-blueprints";
import { scaffoldQuestion } from "@/lib/content/scaffold-question";

const ArgsSchema = z.object({
  task: z
    .string()
    .regex(/^\d+\.\d+$/, "give the task statement, e.g. --task 1.3"),
  type: z.enum(["single", "multiple"], {
    error: "give --type single or --type multiple",
  }),
  exam: z.string().default("dva-c02"),
  id: z
    .string()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      "--id takes lowercase words joined by hyphens",
    )
    .optional(),
});

function fail(message: string): never {
  process.stderr.write(`content:new: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    task: { type: "string" },
    type: { type: "string" },
    exam: { type: "string" },
    id: { type: "string" },
  },
});
const args = ArgsSchema.safeParse(values);
if (!args.success) fail(args.error.issues.map((i) => i.message).join("; "));

const { blueprints } = loadBlueprints();
const blueprint =
  blueprints.get(args.data.exam) ??
  fail(`there is no blueprint "${args.data.exam}" in content/exams/`);
const task = args.data.task;
if (!blueprint.domains.some((d) => d.tasks.some((t) => t.id === task))) {
  fail(
    `task ${task} is not in ${blueprint.code}; use one of ` +
      blueprint.domains.flatMap((d) => d.tasks.map((t) => t.id)).join(", "),
  );
}

const questionsDir = path.join(process.cwd(), "content", "questions");
const folder =
  readdirSync(questionsDir).find((name) => name.startsWith(`${task}-`)) ??
  `${task}-new`;
const id =
  args.data.id ??
  `new-question-${task.replace(".", "-")}-${Date.now().toString(36)}`;
const file = path.join(questionsDir, folder, `${id}.md`);
if (existsSync(file))
  fail(
    `${path.relative(process.cwd(), file)} already exists; choose another --id`,
  );

mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(
  file,
  scaffoldQuestion({
    blueprint,
    task,
    type:
      args.data.type === "multiple" ? "multiple-response" : "multiple-choice",
    id,
  }),
);
process.stdout.write(
  `Wrote ${path.relative(process.cwd(), file)}. ` +
    "Fill in every section, then run npm run content:check.\n",
);
