"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

import { AnswerExplanation } from "@/components/answer-explanation";
import { DomainBars } from "@/components/exam/domain-bars";
import { OptionList, displayLetter } from "@/components/practice/option-list";
import { QuestionHtml } from "@/components/question-html";
import { useSession } from "@/components/session-provider";
import { useApi } from "@/components/use-api";
import { ExamResultSchema, type ExamResult } from "@/lib/api/exam-schemas";
import { ProblemMessage } from "@/components/problem-message";

const PASSED = "border-good-line bg-good-soft text-good-ink";
const FAILED = "border-bad-line bg-bad-soft text-bad-ink";

/** A finished exam: score, breakdowns, and every question explained. */
export function ExamResultView() {
  const id = useSearchParams().get("id") ?? "";
  const { state } = useSession();
  const api = useApi();
  const [result, setResult] = useState<ExamResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (state.status !== "ready" || !id) return;
    void api(
      `/api/exams/${encodeURIComponent(id)}/result`,
      ExamResultSchema,
    ).then((response) =>
      response.ok ? setResult(response.data) : setProblem(response.message),
    );
  }, [state.status, api, id]);

  if (!id)
    return <ProblemMessage>No exam was named in the address.</ProblemMessage>;
  if (problem) return <ProblemMessage>{problem}</ProblemMessage>;
  if (!result) return <p className="text-ink-muted">Loading your result…</p>;

  const { score, scale } = result;
  return (
    <div className="space-y-8">
      <section
        aria-labelledby="score"
        className={`rounded-xl border p-5 ${score.passed ? PASSED : FAILED}`}
      >
        <h2 id="score" className="text-3xl font-bold">
          {score.scaled} · {score.passed ? "Pass" : "Fail"}
        </h2>
        <p className="mt-1">
          {score.correct} of {score.total} correct ({score.percent}%)
          {result.status === "expired" &&
            "; the time ran out and the answers saved by then were scored"}
          . The pass mark is {result.passMark}.
        </p>
        <p className="mt-2 text-sm">
          The scaled score is an estimate: AWS does not publish how answers
          become a score, so certdrill maps the share correct
          {scale &&
            ` onto ${scale.min}–${scale.max} in a straight line ` +
              `(${result.passMark} is about ` +
              `${Math.round(scale.passPercent)}% correct)`}
          .{result.shortened && " This exam was shorter than the real one."}
        </p>
      </section>

      <section aria-labelledby="by-domain" className="space-y-3">
        <h2 id="by-domain" className="text-lg font-semibold">
          By domain
        </h2>
        <DomainBars
          rows={score.domains
            .filter((d) => d.total > 0)
            .map((d) => ({
              label: `${d.number}. ${d.title}`,
              percent: d.percent,
            }))}
          target={scale?.passPercent}
          caption={
            "Share correct per domain" +
            (scale
              ? "; the dashed line is about where the pass mark falls."
              : ".")
          }
        />
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Score per task statement</caption>
          <thead>
            <tr className="border-line border-b">
              <th scope="col" className="py-1.5">
                Task statement
              </th>
              <th scope="col" className="py-1.5 text-right">
                Correct
              </th>
            </tr>
          </thead>
          <tbody>
            {score.tasks.map((task) => (
              <tr key={task.id} className="border-line border-b">
                <td className="py-1.5">
                  {task.id} {task.title}
                </td>
                <td className="py-1.5 text-right">
                  {task.correct} / {task.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="review-all" className="space-y-3">
        <h2 id="review-all" className="text-lg font-semibold">
          Every question, explained
        </h2>
        {result.items.map((item, index) => {
          const labelOf = (letter: string) =>
            displayLetter(item.order.indexOf(letter));
          return (
            <details
              key={item.question.id}
              className="border-line bg-surface rounded-xl border p-4"
            >
              <summary className="cursor-pointer font-medium">
                Question {index + 1}:{" "}
                {item.correct
                  ? "correct"
                  : item.chosen.length
                    ? "wrong"
                    : "unanswered"}
                {item.flagged && " · flagged"} · task {item.question.task}
              </summary>
              <div className="mt-4 space-y-4">
                <QuestionHtml html={item.question.scenarioHtml} />
                <QuestionHtml
                  html={item.question.requirementHtml}
                  className="font-medium"
                />
                <OptionList
                  options={item.question.options}
                  order={item.order}
                  multiple={item.question.type === "multiple-response"}
                  chosen={item.chosen}
                  onToggle={() => {}}
                  disabled
                  answer={item.key.answer}
                  legend="Your answer"
                />
                <AnswerExplanation
                  result={{
                    ...item.key,
                    correct: item.correct,
                    chosen: item.chosen,
                    timeTakenMs: null,
                  }}
                  labelOf={labelOf}
                />
              </div>
            </details>
          );
        })}
      </section>

      <Link
        href="/exam"
        className="bg-accent text-on-accent inline-block rounded-lg px-5 py-2 font-semibold"
      >
        Back to mock exams
      </Link>
    </div>
  );
}
