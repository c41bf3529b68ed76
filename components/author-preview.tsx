"use client";

import { useEffect, useRef, useState } from "react";
import { z } from "zod";

import { AnswerExplanation } from "@/components/answer-explanation";
import { OptionLabel, QuestionHtml } from "@/components/question-html";
import { ErrorBodySchema } from "@/lib/errors/error-body";
import { AnswerKeySchema } from "@/lib/questions/answer-result-schema";

const ProblemSchema = z.object({
  line: z.number(),
  column: z.number(),
  message: z.string(),
  fix: z.string(),
});

const PreviewSchema = z.object({
  problems: z.array(ProblemSchema),
  bodyHtml: z.string(),
  question: z
    .object({
      public: z.object({
        scenarioHtml: z.string(),
        requirementHtml: z.string(),
        options: z.array(z.object({ letter: z.string(), html: z.string() })),
      }),
      key: AnswerKeySchema,
    })
    .nullable(),
});

type Preview = z.infer<typeof PreviewSchema>;

/** A Markdown editor whose draft is checked and rendered as the author types. */
export function AuthorPreview({ initial }: { initial: string }) {
  const [markdown, setMarkdown] = useState(initial);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState("Checking…");
  const editor = useRef<HTMLTextAreaElement>(null);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch("/api/author/preview", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ markdown }),
        });
        const body: unknown = await response.json();
        if (request !== latest.current) return;
        if (!response.ok) {
          const error = ErrorBodySchema.safeParse(body);
          setStatus(
            error.success ? error.data.error.message : "The preview failed.",
          );
          return;
        }
        const next = PreviewSchema.parse(body);
        setPreview(next);
        setStatus(
          next.problems.length === 0
            ? "No problems: this file is ready for the bank."
            : `${next.problems.length} problem(s) to fix.`,
        );
      } catch {
        if (request === latest.current)
          setStatus("The server cannot be reached.");
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [markdown]);

  function goToLine(line: number, column: number) {
    const area = editor.current;
    if (!area) return;
    const lines = markdown.split("\n");
    const offset =
      lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) +
      column -
      1;
    area.focus();
    area.setSelectionRange(offset, offset);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-2">
        <label htmlFor="question-markdown" className="font-semibold">
          Question file (Markdown)
        </label>
        <textarea
          id="question-markdown"
          ref={editor}
          value={markdown}
          onChange={(event) => setMarkdown(event.target.value)}
          spellCheck={false}
          className="border-line bg-surface h-[70vh] w-full rounded-lg border p-3 font-mono text-sm"
        />
      </div>

      <div className="min-w-0 space-y-4 wrap-anywhere [&_pre]:overflow-x-auto [&_table]:wrap-normal">
        <p role="status" data-testid="preview-status" className="font-semibold">
          {status}
        </p>
        {preview && preview.problems.length > 0 && (
          <ul aria-label="Problems" className="space-y-2">
            {preview.problems.map((problem) => (
              <li key={`${problem.line}:${problem.column}:${problem.message}`}>
                <button
                  type="button"
                  onClick={() => goToLine(problem.line, problem.column)}
                  className="border-bad-line bg-bad-soft text-bad-ink w-full rounded border p-2 text-left text-sm"
                >
                  <span className="font-mono">
                    {problem.line}:{problem.column}
                  </span>{" "}
                  {problem.message} — {problem.fix}
                </button>
              </li>
            ))}
          </ul>
        )}
        {preview?.question ? (
          <QuestionPreview question={preview.question} />
        ) : (
          preview && (
            <QuestionHtml
              html={preview.bodyHtml}
              className="border-line bg-surface rounded-lg border p-4"
            />
          )
        )}
      </div>
    </div>
  );
}

function QuestionPreview({
  question,
}: {
  question: NonNullable<Preview["question"]>;
}) {
  return (
    <article className="border-line bg-surface space-y-4 rounded-lg border p-4">
      <QuestionHtml html={question.public.scenarioHtml} />
      <QuestionHtml
        html={question.public.requirementHtml}
        className="font-medium"
      />
      <ul className="space-y-2">
        {question.public.options.map((option) => (
          <li key={option.letter} className="border-line rounded border p-2">
            <OptionLabel option={option} />
          </li>
        ))}
      </ul>
      <AnswerExplanation
        asPreview
        result={{
          ...question.key,
          correct: true,
          chosen: question.key.answer,
          timeTakenMs: null,
        }}
      />
    </article>
  );
}
