// `npm run content:export -- --format moodle-xml|gift [--out file]` writes the
// question bank for an LMS. Refuses to export a bank that has problems.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { z } from "zod";

import { checkBank } from "@/lib/content/check-bank";
import { toGift } from "@/lib/content/export/gift";
import { toMoodleXml } from "@/lib/content/export/moodle-xml";
import { formatProblem } from "@/lib/content/problem";

const ArgsSchema = z.object({
  format: z.enum(["moodle-xml", "gift"], {
    error: "give --format moodle-xml or --format gift",
  }),
  out: z.string().optional(),
});

const { values } = parseArgs({
  options: { format: { type: "string" }, out: { type: "string" } },
});
const args = ArgsSchema.safeParse(values);
if (!args.success) {
  process.stderr.write(`content:export: ${args.error.issues[0]?.message}\n`);
  process.exit(1);
}

const { blueprints, questions, problems } = checkBank();
if (problems.length > 0) {
  for (const problem of problems)
    process.stderr.write(`${formatProblem(problem)}\n`);
  process.stderr.write(
    "content:export: fix the problems above first; nothing was written.\n",
  );
  process.exit(1);
}

const output =
  args.data.format === "gift"
    ? toGift(blueprints, questions)
    : toMoodleXml(blueprints, questions);
const file =
  args.data.out ??
  `certdrill-questions.${args.data.format === "gift" ? "gift.txt" : "moodle.xml"}`;
writeFileSync(file, output);
process.stdout.write(`Wrote ${questions.length} questions to ${file}.\n`);
