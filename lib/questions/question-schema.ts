import { z } from "zod";

export const OptionLetterSchema = z.string().regex(/^[A-Z]$/);

/** The YAML front matter of a question file. */
export const FrontMatterSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase words joined by hyphens"),
  exam: z.string().min(1),
  domain: z.number().int().min(1),
  task: z.string().regex(/^\d+\.\d+$/, 'write the task statement as "1.3"'),
  type: z.enum(["multiple-choice", "multiple-response"]),
  difficulty: z.enum(["easy", "medium", "hard"]),
  services: z.array(z.string().min(1)).default([]),
  answer: z.array(OptionLetterSchema).min(1),
  sources: z.array(z.url({ protocol: /^https$/ })).min(1),
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
  sources: string[];
};

export type Question = { public: PublicQuestion; key: AnswerKey };
