import "server-only";
import path from "node:path";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import type { FrontMatter } from "@/lib/content/question";
import type { Report, Where } from "@/lib/content/rules/types";

/** What to write instead, for each front matter field. */
export const FIELD_HINTS: Record<string, string> = {
  id:
    "use lowercase words joined by hyphens, the same as the file name, " +
    "e.g. id: sqs-visibility-timeout",
  exam: "use the code of a blueprint in content/exams/, e.g. exam: dva-c02",
  domain: "use a domain number from the blueprint, e.g. domain: 1",
  task: 'quote a task statement of that domain, e.g. task: "1.3"',
  type: "use multiple-choice or multiple-response",
  difficulty: "use easy, medium or hard",
  services: "list the AWS services involved, e.g. services: [Amazon SQS]",
  answer: "list the keyed option letters, e.g. answer: [C]",
  sources:
    "list AWS documentation URLs, e.g. sources: [https://docs.aws.amazon.com/lambda/latest/dg/welcome.html]",
  tags: "list lowercase tags, e.g. tags: [caching]",
};

/** The exam exists, and the domain and task statement belong to it. */
export function checkBlueprint(
  meta: FrontMatter,
  blueprints: ReadonlyMap<string, Blueprint>,
  where: Where,
  report: Report,
): Blueprint | null {
  const blueprint = blueprints.get(meta.exam);
  if (!blueprint) {
    const known = [...blueprints.keys()].join(", ");
    const { line, column } = where("exam");
    report(
      line,
      column,
      `there is no exam blueprint "${meta.exam}"`,
      `use one of: ${known}`,
    );
    return null;
  }
  const domain = blueprint.domains.find((d) => d.number === meta.domain);
  if (!domain) {
    const { line, column } = where("domain");
    const known = blueprint.domains.map((d) => d.number).join(", ");
    report(
      line,
      column,
      `${meta.exam} has no domain ${meta.domain}`,
      `use one of: ${known}`,
    );
    return blueprint;
  }
  if (!domain.tasks.some((t) => t.id === meta.task)) {
    const { line, column } = where("task");
    const owner = blueprint.domains.find((d) =>
      d.tasks.some((t) => t.id === meta.task),
    );
    report(
      line,
      column,
      `task ${meta.task} is not in domain ${meta.domain} of ${meta.exam}`,
      owner
        ? `set domain: ${owner.number}, the domain task ${meta.task} belongs to`
        : `use one of: ${domain.tasks.map((t) => t.id).join(", ")}`,
    );
  }
  return blueprint;
}

/** The file sits where its id and task statement say it should. */
export function checkLocation(
  file: string,
  meta: FrontMatter,
  where: Where,
  report: Report,
) {
  const base = path.basename(file, ".md");
  if (base !== meta.id) {
    const { line, column } = where("id");
    report(
      line,
      column,
      `the id "${meta.id}" differs from the file name "${base}.md"`,
      `rename the file to ${meta.id}.md or set id: ${base}`,
    );
  }
  const folder = path.basename(path.dirname(file));
  if (!folder.startsWith(`${meta.task}-`)) {
    const { line, column } = where("task");
    report(
      line,
      column,
      `task ${meta.task} does not match the folder "${folder}"`,
      `move the file to a folder named ${meta.task}-<topic>, or fix the task`,
    );
  }
}

/** Every source is an https page on aws.amazon.com. */
export function checkSources(meta: FrontMatter, where: Where, report: Report) {
  meta.sources.forEach((source, index) => {
    let url: URL | null = null;
    try {
      url = new URL(source);
    } catch {
      url = null;
    }
    const onAws =
      url &&
      (url.hostname === "aws.amazon.com" ||
        url.hostname.endsWith(".aws.amazon.com"));
    if (!url || url.protocol !== "https:" || !onAws) {
      const { line, column } = where("sources", index);
      report(
        line,
        column,
        `"${source}" is not an https page on aws.amazon.com`,
        "cite the AWS documentation page, e.g. https://docs.aws.amazon.com/…",
      );
    }
  });
}
