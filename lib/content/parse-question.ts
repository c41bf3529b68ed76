import "server-only";
import path from "node:path";

import type { Code, Heading, ListItem, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import {
  CODE_LANGUAGES,
  parseMarkdown,
  renderNodes,
} from "@/lib/content/markdown";
import type { Problem } from "@/lib/content/problem";
import {
  FrontMatterSchema,
  SECTIONS,
  type FrontMatter,
  type Question,
  type SectionName,
} from "@/lib/content/question";
import { splitQuestionFile } from "@/lib/content/question-file";
import { readYaml } from "@/lib/content/yaml-document";

export type ParsedQuestion = { question: Question | null; problems: Problem[] };

type Section = { name: SectionName; heading: Heading; nodes: RootContent[] };
type Trap = { letter: string; heading: Heading; nodes: RootContent[] };

const FIELD_HINTS: Record<string, string> = {
  id: "use lowercase words joined by hyphens, the same as the file name, e.g. id: sqs-visibility-timeout",
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

const COUNT_WORDS = ["zero", "one", "two", "three", "four", "five", "six"];
const OPTION_PREFIX = /^([A-Z])\.\s+\S/;

/**
 * Reads one question file and checks everything that can be checked from it
 * and the blueprints. It reports every problem it finds, not just the first,
 * and returns the question only when there are none.
 */
export function parseQuestion(
  file: string,
  source: string,
  blueprints: ReadonlyMap<string, Blueprint>,
  { checkFileLocation = true }: { checkFileLocation?: boolean } = {},
): ParsedQuestion {
  const problems: Problem[] = [];
  const report = (line: number, column: number, message: string, fix: string) =>
    problems.push({ file, line, column, message, fix });

  const split = splitQuestionFile(source);
  if (!split.ok) {
    report(split.line, 1, split.message, split.fix);
    return { question: null, problems };
  }

  const yaml = readYaml(file, split.frontMatter, 2);
  problems.push(...yaml.syntaxProblems);
  const parsedFront = FrontMatterSchema.safeParse(yaml.data ?? {});
  if (!parsedFront.success && yaml.syntaxProblems.length === 0) {
    problems.push(
      ...yaml.zodProblems(
        parsedFront.error,
        (field) => FIELD_HINTS[field] ?? "see docs/authoring.md",
      ),
    );
  }
  const meta = parsedFront.success ? parsedFront.data : null;
  const where = (...keyPath: (string | number)[]) => yaml.locate(keyPath);

  const blueprint = meta
    ? checkBlueprint(meta, blueprints, where, report)
    : null;
  if (meta && checkFileLocation) checkLocation(file, meta, where, report);
  if (meta) checkSources(meta, where, report);

  const body = parseMarkdown(split.body);
  const lineOf = (node: {
    position?: { start: { line: number; column: number } };
  }) => ({
    line: (node.position?.start.line ?? 1) + split.bodyFirstLine - 1,
    column: node.position?.start.column ?? 1,
  });
  const { sections, traps } = splitSections(
    body.children,
    lineOf,
    report,
    split.bodyFirstLine,
  );
  const lastLine = split.bodyFirstLine + split.body.split("\n").length - 1;
  checkSectionsPresent(sections, lineOf, report, lastLine);
  checkCodeBlocks(body.children, lineOf, report);

  const options = readOptions(
    sections.get("Options"),
    split.body,
    lineOf,
    report,
  );
  if (meta && blueprint && options) {
    const letters = options.map((o) => o.letter);
    checkAnswer(meta, blueprint, letters, where, report, lineOf, sections);
    checkTraps(meta, letters, traps, sections.get("Traps"), lineOf, report);
  }
  checkRequiredContent(sections, lineOf, report);

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (problems.length > 0 || !meta || !options)
    return { question: null, problems };

  const html = (name: SectionName) =>
    renderNodes(sections.get(name)?.nodes ?? []);
  return {
    problems,
    question: {
      file,
      public: {
        id: meta.id,
        exam: meta.exam,
        domain: meta.domain,
        task: meta.task,
        type: meta.type,
        difficulty: meta.difficulty,
        services: meta.services,
        choose: meta.answer.length,
        scenarioHtml: html("Scenario"),
        requirementHtml: html("Requirement"),
        options,
      },
      key: {
        answer: [...meta.answer].sort(),
        quickInsightHtml: html("Quick insight"),
        winningLogicHtml: html("Winning logic"),
        traps: traps.map((trap) => ({
          letter: trap.letter,
          html: renderNodes(trap.nodes),
        })),
        blueprintHtml: html("Technical blueprint"),
        comparisonHtml: html("Comparison"),
        examVsRealWorldHtml: html("Exam rule vs real world"),
        sources: meta.sources,
      },
    },
  };
}

type Report = (
  line: number,
  column: number,
  message: string,
  fix: string,
) => void;
type Where = (...keyPath: (string | number)[]) => {
  line: number;
  column: number;
};
type LineOf = (node: {
  position?: { start: { line: number; column: number } };
}) => {
  line: number;
  column: number;
};

function checkBlueprint(
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

function checkLocation(
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

function checkSources(meta: FrontMatter, where: Where, report: Report) {
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

function splitSections(
  nodes: RootContent[],
  lineOf: LineOf,
  report: Report,
  firstLine: number,
) {
  const sections = new Map<SectionName, Section>();
  const traps: Trap[] = [];
  let current: Section | null = null;
  let trap: Trap | null = null;
  // Under a heading already reported as wrong, further text is not reported.
  const IGNORED = { nodes: [] } as unknown as Section;

  for (const node of nodes) {
    const { line, column } = lineOf(node);
    if (node.type === "heading" && node.depth <= 2) {
      const name = toString(node).trim();
      trap = null;
      if (node.depth === 1 || !(SECTIONS as readonly string[]).includes(name)) {
        report(
          line,
          column,
          `"${"#".repeat(node.depth)} ${name}" is not a section of a question`,
          `use "## " with one of: ${SECTIONS.join(", ")}`,
        );
        current = IGNORED;
        continue;
      }
      if (sections.has(name as SectionName)) {
        report(
          line,
          column,
          `the section "## ${name}" appears twice`,
          "merge the two into one",
        );
        current = IGNORED;
        continue;
      }
      current = { name: name as SectionName, heading: node, nodes: [] };
      sections.set(current.name, current);
      continue;
    }
    if (!current) {
      if (node.type !== "html" || sections.size > 0) {
        report(
          line || firstLine,
          column,
          "text outside any section",
          'move it under a section heading such as "## Scenario"',
        );
      }
      continue;
    }
    if (
      current.name === "Traps" &&
      node.type === "heading" &&
      node.depth === 3
    ) {
      const letter = toString(node).trim();
      trap = { letter, heading: node, nodes: [] };
      if (!/^[A-Z]$/.test(letter)) {
        report(
          line,
          column,
          `the trap heading "### ${letter}" is not an option letter`,
          "write ### followed by the letter of a wrong option, e.g. ### B",
        );
      } else {
        traps.push(trap);
      }
      continue;
    }
    if (current.name === "Traps" && !trap) {
      report(
        line,
        column,
        "text under ## Traps that belongs to no option",
        "put each trap under its own ### X heading",
      );
      continue;
    }
    (trap ?? current).nodes.push(node);
  }
  return { sections, traps };
}

function checkSectionsPresent(
  sections: Map<SectionName, Section>,
  lineOf: LineOf,
  report: Report,
  lastLine: number,
) {
  let previousIndex = -1;
  for (const section of sections.values()) {
    const index = SECTIONS.indexOf(section.name);
    const { line, column } = lineOf(section.heading);
    if (index < previousIndex) {
      report(
        line,
        column,
        `"## ${section.name}" is out of order`,
        `order the sections: ${SECTIONS.join(", ")}`,
      );
    }
    previousIndex = Math.max(previousIndex, index);
    if (section.nodes.length === 0 && section.name !== "Traps") {
      report(
        line,
        column,
        `the section "## ${section.name}" is empty`,
        "write its content below the heading",
      );
    }
  }

  SECTIONS.forEach((name, index) => {
    if (sections.has(name)) return;
    const next = SECTIONS.slice(index + 1).find((later) => sections.has(later));
    const at = next
      ? lineOf(sections.get(next)!.heading)
      : { line: lastLine, column: 1 };
    const after = index > 0 ? ` after "## ${SECTIONS[index - 1]}"` : " first";
    report(
      at.line,
      at.column,
      `the section "## ${name}" is missing`,
      `add it${after}`,
    );
  });
}

function checkCodeBlocks(nodes: RootContent[], lineOf: LineOf, report: Report) {
  const visit = (node: RootContent) => {
    if (node.type === "code") checkCode(node, lineOf, report);
    if ("children" in node) (node.children as RootContent[]).forEach(visit);
  };
  nodes.forEach(visit);
}

function checkCode(node: Code, lineOf: LineOf, report: Report) {
  const { line, column } = lineOf(node);
  const languages = CODE_LANGUAGES.join(", ");
  if (!node.lang) {
    report(
      line,
      column,
      "a code block has no language",
      `name one after the opening fence, e.g. \`\`\`bash; supported: ${languages}`,
    );
  } else if (!(CODE_LANGUAGES as readonly string[]).includes(node.lang)) {
    report(
      line,
      column,
      `the code language "${node.lang}" is not supported`,
      `use one of: ${languages}`,
    );
  }
}

function readOptions(
  section: Section | undefined,
  body: string,
  lineOf: LineOf,
  report: Report,
): { letter: string; html: string }[] | null {
  if (!section || section.nodes.length === 0) return null;

  const [list, ...rest] = section.nodes;
  if (list?.type !== "list" || list.ordered || rest.length > 0) {
    const { line, column } = lineOf(list ?? section.heading);
    report(
      line,
      column,
      "## Options must hold one bullet list and nothing else",
      'write one line per option: "- A. text"',
    );
    return null;
  }

  let valid = true;
  const options = list.children.map((item: ListItem, index) => {
    const { line, column } = lineOf(item);
    const raw = body.slice(
      item.position?.start.offset ?? 0,
      item.position?.end.offset ?? 0,
    );
    const text = raw.replace(/^[-*+]\s+/, "");
    const match = OPTION_PREFIX.exec(text);
    const expected = String.fromCharCode(65 + index);
    if (!match) {
      report(
        line,
        column,
        "an option does not start with its letter",
        `write it as "- ${expected}. text"`,
      );
      valid = false;
      return { letter: "?", html: "" };
    }
    if (match[1] !== expected) {
      report(
        line,
        column,
        `option ${match[1]} should be ${expected}`,
        "letter the options A, B, C… in order with no gaps",
      );
      valid = false;
    }
    return { letter: match[1]!, html: renderNodes(withoutLetter(item)) };
  });
  return valid ? options : null;
}

/** The option's own nodes, with its leading "A. " taken off. */
function withoutLetter(item: ListItem): RootContent[] {
  const [first, ...rest] = item.children;
  if (first?.type !== "paragraph") return item.children;
  const [text, ...inline] = first.children;
  if (text?.type !== "text") return item.children;
  const trimmed = { ...text, value: text.value.replace(/^[A-Z]\.\s+/, "") };
  return [{ ...first, children: [trimmed, ...inline] }, ...rest];
}

function checkAnswer(
  meta: FrontMatter,
  blueprint: Blueprint,
  letters: string[],
  where: Where,
  report: Report,
  lineOf: LineOf,
  sections: Map<SectionName, Section>,
) {
  const rules = blueprint.responseTypes[meta.type];
  const answerAt = where("answer");
  const inRange = (n: number, r: { min: number; max?: number }) =>
    n >= r.min && (r.max === undefined || n <= r.max);
  const describe = (r: { min: number; max?: number }) =>
    r.max === undefined
      ? `${r.min} or more`
      : r.min === r.max
        ? `exactly ${r.min}`
        : `${r.min} to ${r.max}`;

  if (!inRange(meta.answer.length, rules.keys)) {
    report(
      answerAt.line,
      answerAt.column,
      `${meta.type} needs ${describe(rules.keys)} keys, not ${meta.answer.length}`,
      "change answer, or the type",
    );
  }
  if (!inRange(letters.length, rules.options)) {
    const at = lineOf(sections.get("Options")!.heading);
    report(
      at.line,
      at.column,
      `${meta.type} needs ${describe(rules.options)} options, not ${letters.length}`,
      "add or remove options, or change the type",
    );
  }
  if (new Set(meta.answer).size !== meta.answer.length) {
    report(
      answerAt.line,
      answerAt.column,
      "answer names the same option twice",
      "list each keyed letter once",
    );
  }
  meta.answer.forEach((key, index) => {
    if (!letters.includes(key)) {
      const at = where("answer", index);
      report(
        at.line,
        at.column,
        `answer names option ${key}, which does not exist`,
        `use letters from ${letters[0]} to ${letters.at(-1)}`,
      );
    }
  });

  const requirement = sections.get("Requirement");
  if (!requirement) return;
  const text = requirement.nodes.map((node) => toString(node)).join(" ");
  const choose = /choose (two|three|four|five|six|\d)\b/i.exec(text);
  const at = lineOf(requirement.heading);
  if (meta.type === "multiple-response") {
    const count = choose
      ? COUNT_WORDS.indexOf(choose[1]!.toLowerCase()) === -1
        ? Number(choose[1])
        : COUNT_WORDS.indexOf(choose[1]!.toLowerCase())
      : null;
    if (count === null) {
      report(
        at.line,
        at.column,
        "a multiple-response requirement does not say how many to choose",
        `end it with "(Choose ${COUNT_WORDS[meta.answer.length] ?? meta.answer.length}.)"`,
      );
    } else if (count !== meta.answer.length) {
      report(
        at.line,
        at.column,
        `the requirement says "Choose ${choose![1]}" but answer has ${meta.answer.length} keys`,
        "make the two agree",
      );
    }
  } else if (choose) {
    report(
      at.line,
      at.column,
      `a multiple-choice requirement says "${choose[0]}"`,
      "remove it, or make the question multiple-response",
    );
  }
}

function checkTraps(
  meta: FrontMatter,
  letters: string[],
  traps: Trap[],
  section: Section | undefined,
  lineOf: LineOf,
  report: Report,
) {
  if (!section) return;
  const seen = new Set<string>();
  for (const trap of traps) {
    const { line, column } = lineOf(trap.heading);
    if (seen.has(trap.letter)) {
      report(
        line,
        column,
        `option ${trap.letter} has two trap paragraphs`,
        "merge them under one ### heading",
      );
    } else if (!letters.includes(trap.letter)) {
      report(
        line,
        column,
        `### ${trap.letter} names no option`,
        `remove it, or use a letter from ${letters[0]} to ${letters.at(-1)}`,
      );
    } else if (meta.answer.includes(trap.letter)) {
      report(
        line,
        column,
        `option ${trap.letter} is keyed, so it has no trap`,
        "remove this trap; explain the keyed options under ## Winning logic",
      );
    } else if (trap.nodes.length === 0) {
      report(
        line,
        column,
        `the trap for option ${trap.letter} is empty`,
        "say why the option is tempting and why it fails",
      );
    }
    seen.add(trap.letter);
  }
  // Which options need a trap is unknown until every key names an option.
  if (!meta.answer.every((key) => letters.includes(key))) return;
  const heading = lineOf(section.heading);
  for (const letter of letters) {
    if (!meta.answer.includes(letter) && !seen.has(letter)) {
      report(
        heading.line,
        heading.column,
        `wrong option ${letter} has no trap paragraph`,
        `add "### ${letter}" under ## Traps saying why ${letter} is wrong`,
      );
    }
  }
}

/** Sections that need a particular kind of content, not just any text. */
const REQUIRED_CONTENT = [
  {
    section: "Technical blueprint",
    type: "code",
    message: "the technical blueprint has no code block",
    fix: "add a fenced code block (CLI, SDK code, a template or a policy)",
  },
  {
    section: "Comparison",
    type: "table",
    message: "the comparison has no table",
    fix: "add a Markdown table comparing the options",
  },
] as const;

function checkRequiredContent(
  sections: Map<SectionName, Section>,
  lineOf: LineOf,
  report: Report,
) {
  for (const rule of REQUIRED_CONTENT) {
    const section = sections.get(rule.section);
    if (!section || section.nodes.length === 0) continue;
    if (section.nodes.some((node) => node.type === rule.type)) continue;
    const { line, column } = lineOf(section.heading);
    report(line, column, rule.message, rule.fix);
  }
}
