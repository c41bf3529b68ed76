/** One thing wrong with a content file, and how to put it right. */
export type Problem = {
  file: string;
  line: number;
  column: number;
  message: string;
  fix: string;
};

export function formatProblem(problem: Problem): string {
  const { file, line, column, message, fix } = problem;
  return `${file}:${line}:${column}: ${message} — ${fix}`;
}
