"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";

import { AnswerExplanation } from "@/components/answer-explanation";
import {
  choiceProblem,
  OptionList,
  toggleLetter,
} from "@/components/practice/option-list";
import { useSession } from "@/components/session-provider";
import type { PublicQuestion } from "@/lib/content/question";
import { ErrorBodySchema } from "@/lib/errors/error-body";
import {
  AnswerResultSchema,
  type AnswerResult,
} from "@/lib/questions/answer-result-schema";
import { ProblemMessage } from "@/components/problem-message";

type Props = { question: PublicQuestion; nextId?: string };

/** Lets the learner pick options and asks the server for the verdict. */
export function AnswerForm({ question, nextId }: Props) {
  const { state, refresh } = useSession();
  const [chosen, setChosen] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<AnswerResult | null>(null);
  const started = useRef(false);
  const multiple = question.type === "multiple-response";

  useEffect(() => {
    if (state.status !== "ready" || started.current) return;
    started.current = true;
    void fetch(`/api/questions/${question.id}/start`, { method: "POST" });
  }, [state.status, question.id]);

  const toggle = (letter: string) =>
    setChosen((current) => toggleLetter(current, letter, multiple));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const wrongCount = choiceProblem(question.choose, chosen.length);
    if (wrongCount) return setProblem(wrongCount);
    setPending(true);
    setProblem(null);
    try {
      let response = await postAnswer(question.id, chosen);
      if (response.status === 401) {
        // The session expired or never started: open one and try once more.
        const session = await refresh();
        if (session.status !== "ready") {
          setProblem(
            `${session.status === "unavailable" ? session.message : ""} ` +
              "Your choice is kept; try again in a moment.",
          );
          return;
        }
        response = await postAnswer(question.id, chosen);
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) {
        setResult(AnswerResultSchema.parse(body));
        void refresh();
        return;
      }
      const error = ErrorBodySchema.safeParse(body);
      setProblem(
        error.success
          ? [error.data.error.message, ...(error.data.error.issues ?? [])].join(
              " ",
            )
          : `The server answered ${response.status}. Your choice is kept; try again.`,
      );
    } catch {
      setProblem(
        "The server cannot be reached. Your choice is kept; try again.",
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <OptionList
        options={question.options}
        order={question.options.map((o) => o.letter)}
        multiple={multiple}
        chosen={result ? result.chosen : chosen}
        onToggle={toggle}
        disabled={pending || result !== null}
        answer={result?.answer}
        legend={
          multiple
            ? `Choose ${question.choose} (${chosen.length} chosen)`
            : "Choose one answer"
        }
      />

      {problem && <ProblemMessage>{problem}</ProblemMessage>}

      {result ? (
        <>
          <AnswerExplanation result={result} />
          {nextId && (
            <Link
              href={`/questions/${nextId}`}
              className="bg-accent text-on-accent hover:bg-accent-strong inline-block rounded-lg px-5 py-2 font-semibold"
            >
              Next question →
            </Link>
          )}
        </>
      ) : (
        <button
          type="submit"
          disabled={pending || state.status === "loading"}
          className="bg-accent text-on-accent hover:bg-accent-strong rounded-lg px-5 py-2 font-semibold disabled:opacity-60"
        >
          {pending ? "Checking…" : "Check answer"}
        </button>
      )}
    </form>
  );
}

function postAnswer(questionId: string, options: string[]) {
  return fetch(`/api/questions/${questionId}/answer`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ options }),
  });
}
