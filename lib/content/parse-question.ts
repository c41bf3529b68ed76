import "server-only";

import type { Blueprint } from "@/lib/content/blueprint-schema";
import { parseMarkdown, renderNodes } from "@/lib/content/markdown";
import type { Problem } from "@/lib/content/problem";
import {
  FrontMatterSchema,
  type Question,
  type SectionName,
} from "@/lib/content/question";
import {
  checkMarkdownLimits,
  withinNestingLimit,
} from "@/lib/content/markdown-limits";
import { splitQuestionFile } from "@/lib/content/question-file";
import { checkAnswer, checkTraps } from "@/lib/content/rules/answer-rules";
import {
  checkBlueprint,
  checkLocation,
  checkSources,
  FIELD_HINTS,
} from "@/lib/content/rules/front-matter-rules";
import { readOptions } from "@/lib/content/rules/option-rules";
import {
  checkCodeBlocks,
  checkNoOptionLetters,
  checkRequiredContent,
  checkSectionsPresent,
  checkTableRowsStartWithPipe,
  splitSections,
} from "@/lib/content/rules/section-rules";
import { readYaml } from "@/lib/content/yaml-document";

export type ParsedQuestion = { question: Question | null; problems: Problem[] };

type ParseOptions = { checkFileLocation?: boolean };

/**
 * Reads one question file and checks everything that can be checked from it
 * and the blueprints. It reports every problem it finds, not just the first,
 * and returns the question only when there are none. A body over the limits
 * of lib/content/markdown-limits.ts is reported alone: nothing in it can be
 * parsed safely.
 */
export function parseQuestion(
  file: string,
  source: string,
  blueprints: ReadonlyMap<string, Blueprint>,
  options: ParseOptions = {},
): ParsedQuestion {
  const split = splitQuestionFile(source);
  const bodyLine = split.ok ? split.bodyFirstLine : 1;
  const limit = split.ok ? checkMarkdownLimits(split.body, bodyLine) : null;
  const parsed = limit
    ? { ok: false as const, problem: limit }
    : withinNestingLimit(
        () => readQuestion(file, source, blueprints, options),
        bodyLine,
      );
  if (parsed.ok) return parsed.value;

  const { line, message, fix } = parsed.problem;
  return {
    question: null,
    problems: [{ file, line, column: 1, message, fix }],
  };
}

function readQuestion(
  file: string,
  source: string,
  blueprints: ReadonlyMap<string, Blueprint>,
  { checkFileLocation = true }: ParseOptions,
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
  checkTableRowsStartWithPipe(body.children, lineOf, report);

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
  checkNoOptionLetters(sections, traps, lineOf, report);

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
