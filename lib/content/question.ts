import { z } from "zod";

export const OptionLetterSchema = z.string().regex(/^[A-Z]$/);

/** The YAML front matter of a question file. */
export const FrontMatterSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      "must be lowercase words joined by hyphens",
    ),
  exam: z.string().min(1),
  domain: z.number().int().min(1),
  task: z.string().regex(/^\d+\.\d+$/, 'must look like "1.3"'),
  type: z.enum(["multiple-choice", "multiple-response"]),
  difficulty: z.enum(["easy", "medium", "hard"]),
  services: z.array(z.string().min(1)).min(1),
  answer: z.array(OptionLetterSchema).min(1),
  sources: z.array(z.string()).min(1),
  tags: z
    .array(z.string().regex(/^[a-z0-9-]+$/, "must be lowercase"))
    .default([]),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export type Option = { letter: string; html: string };

/** What a candidate may see before answering: never the answer key. */
export type PublicQuestion = {
  id: string;
  exam: string;
  domain: number;
  task: string;
  type: FrontMatter["type"];
  difficulty: FrontMatter["difficulty"];
  services: string[];
  /** How many options to choose: 1 for multiple choice. */
  choose: number;
  scenarioHtml: string;
  requirementHtml: string;
  options: Option[];
};

/** What the server reveals once an answer is in. */
export type AnswerKey = {
  answer: string[];
  quickInsightHtml: string;
  winningLogicHtml: string;
  traps: { letter: string; html: string }[];
  blueprintHtml: string;
  comparisonHtml: string;
  examVsRealWorldHtml: string;
  sources: string[];
};

export type Question = { file: string; public: PublicQuestion; key: AnswerKey };

/** The body sections every question has, in this order. */
export const SECTIONS = [
  "Scenario",
  "Requirement",
  "Options",
  "Quick insight",
  "Winning logic",
  "Traps",
  "Technical blueprint",
  "Comparison",
  "Exam rule vs real world",
] as const;

export type SectionName = (typeof SECTIONS)[number];
