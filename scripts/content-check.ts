// `npm run content:check [-- --json]`: checks every question and blueprint and
// exits 1 if anything is wrong. Runs in `npm test` and before every build.
import { checkBank } from "@/lib/content/check-bank";
import { formatProblem } from "@/lib/content/problem";

const json = process.argv.includes("--json");
const started = performance.now();
// A large bank takes a while: say how far the check has got, on a terminal.
const { blueprints, questions, problems, files } = checkBank(
  process.stderr.isTTY && !json
    ? (done, total) => process.stderr.write(`\rchecked ${done} of ${total}…`)
    : undefined,
);
if (process.stderr.isTTY && !json) process.stderr.write("\r\x1b[K");
const ms = Math.round(performance.now() - started);

if (json) {
  process.stdout.write(
    `${JSON.stringify(
      { ok: problems.length === 0, files, valid: questions.length, problems },
      null,
      2,
    )}\n`,
  );
} else {
  for (const problem of problems)
    process.stdout.write(`${formatProblem(problem)}\n`);

  for (const blueprint of blueprints.values()) {
    const mine = questions.filter((q) => q.public.exam === blueprint.code);
    const multiple = mine.filter(
      (q) => q.public.type === "multiple-response",
    ).length;
    process.stdout.write(
      `\n${blueprint.code}: ${mine.length} valid questions, ${multiple} multiple response\n`,
    );
    for (const domain of blueprint.domains) {
      const cells = domain.tasks.map(
        (task) =>
          `${task.id} ${mine.filter((q) => q.public.task === task.id).length}`,
      );
      process.stdout.write(
        `  domain ${domain.number} (${domain.weight}%): ${cells.join(", ")}\n`,
      );
    }
  }
  const verdict =
    problems.length === 0 ? "no problems" : `${problems.length} problem(s)`;
  process.stdout.write(
    `\nChecked ${files} question files in ${ms} ms: ${verdict}.\n`,
  );
}
process.exitCode = problems.length === 0 ? 0 : 1;
