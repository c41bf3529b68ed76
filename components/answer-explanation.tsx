import { useId } from "react";

import { QuestionHtml } from "@/components/question-html";
import type { AnswerResult } from "@/lib/questions/answer-result-schema";

/** The verdict, then why the key wins and why each distractor is a trap. */
export function AnswerExplanation({
  result,
  asPreview = false,
  labelOf = (letter) => letter,
  verdictExtra,
}: {
  result: AnswerResult;
  /** An author's preview shows the key instead of a verdict. */
  asPreview?: boolean;
  /** The letter the learner saw for an option, when options were shuffled. */
  labelOf?: (letter: string) => string;
  verdictExtra?: React.ReactNode;
}) {
  const answer = result.answer.map(labelOf).sort().join(" and ");
  const verdictId = useId();
  // The trap of an option the learner picked comes first: it is the one
  // they need to read.
  const traps = [...result.traps].sort(
    (a, b) =>
      Number(result.chosen.includes(b.letter)) -
        Number(result.chosen.includes(a.letter)) ||
      labelOf(a.letter).localeCompare(labelOf(b.letter)),
  );

  return (
    <section aria-labelledby={verdictId} className="space-y-5">
      {asPreview ? (
        <h2 id={verdictId} className="text-lg font-bold">
          Keyed answer: {answer}
        </h2>
      ) : (
        <div
          role="status"
          className={`rounded-lg px-4 py-3 ${result.correct ? "bg-good-soft text-good-ink" : "bg-bad-soft text-bad-ink"}`}
        >
          <h2
            id={verdictId}
            data-verdict
            tabIndex={-1}
            className="text-lg font-bold focus:outline-none"
          >
            {result.correct ? "Correct" : "Not quite"}
          </h2>
          <p>
            The answer is {answer}.
            {result.timeTakenMs !== null &&
              ` You took ${Math.max(1, Math.round(result.timeTakenMs / 1000))} s.`}
            {verdictExtra}
          </p>
        </div>
      )}

      <ExplanationBlock title="Quick insight" html={result.quickInsightHtml} />
      <ExplanationBlock title="Why it wins" html={result.winningLogicHtml} />

      <div className="space-y-3">
        <h3 className="font-semibold">Why the others are traps</h3>
        {traps.map((trap) => (
          <div
            key={trap.letter}
            className="border-line bg-surface rounded-lg border p-4"
          >
            <h4 className="font-semibold">
              Option {labelOf(trap.letter)}
              {result.chosen.includes(trap.letter) && " (your choice)"}
            </h4>
            <QuestionHtml html={trap.html} />
          </div>
        ))}
      </div>

      <ExplanationBlock
        title="Technical blueprint"
        html={result.blueprintHtml}
      />
      <ExplanationBlock title="Comparison" html={result.comparisonHtml} />
      <ExplanationBlock
        title="Exam rule vs real world"
        html={result.examVsRealWorldHtml}
      />

      <div>
        <h3 className="font-semibold">Sources</h3>
        <ul className="list-disc pl-6">
          {result.sources.map((source) => (
            <li key={source}>
              <a
                href={source}
                className="text-accent-ink break-all underline"
                rel="noreferrer"
              >
                {source}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function ExplanationBlock({ title, html }: { title: string; html: string }) {
  return (
    <div>
      <h3 className="font-semibold">{title}</h3>
      <QuestionHtml html={html} />
    </div>
  );
}
