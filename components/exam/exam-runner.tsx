"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { z } from "zod";

import { callApi } from "@/components/call-api";
import { ExamNavigator } from "@/components/exam/exam-navigator";
import { ExamStatus } from "@/components/exam/exam-status";
import { ExamSubmitPanel } from "@/components/exam/exam-submit-panel";
import { OptionList, toggleLetter } from "@/components/practice/option-list";
import {
  EXAM_SHORTCUTS,
  ShortcutHelp,
} from "@/components/practice/shortcut-help";
import { optionKeys, useShortcuts } from "@/components/practice/use-shortcuts";
import { QuestionHtml } from "@/components/question-html";
import { useSession } from "@/components/session-provider";
import { useApi } from "@/components/use-api";
import { useMediaQuery } from "@/components/use-media-query";
import {
  ExamsOverviewSchema,
  ExamViewSchema,
  type ExamView,
} from "@/lib/api/exam-schemas";
import { PublicQuestionSchema } from "@/lib/api/question-schemas";
import { ProblemMessage } from "@/components/problem-message";

type PublicQuestion = z.infer<typeof PublicQuestionSchema>;
type Answers = ExamView["answers"];

/** The exam in progress: one question at a time, a clock and a navigator. */
export function ExamRunner() {
  const { state } = useSession();
  const api = useApi();
  const router = useRouter();
  const [exam, setExam] = useState<ExamView | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [index, setIndex] = useState(0);
  const [questions, setQuestions] = useState<Record<string, PublicQuestion>>(
    {},
  );
  const [saving, setSaving] = useState<"saved" | "saving" | string>("saved");
  const [problem, setProblem] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [help, setHelp] = useState(false);
  const queue = useRef(Promise.resolve());
  // Tailwind's lg breakpoint, where the side column appears.
  const wide = useMediaQuery("(min-width: 64rem)");

  const showResult = useCallback(
    (id: string) => router.replace(`/exam/result?id=${id}`),
    [router],
  );

  useEffect(() => {
    if (state.status !== "ready") return;
    void (async () => {
      const overview = await api("/api/exams", ExamsOverviewSchema);
      if (!overview.ok) return setProblem(overview.message);
      if (!overview.data.active) return setProblem("NO_EXAM");
      const loaded = await api(
        `/api/exams/${overview.data.active}`,
        ExamViewSchema,
      );
      if (!loaded.ok) return setProblem(loaded.message);
      if (loaded.data.status !== "in-progress")
        return showResult(loaded.data.id);
      setOffsetMs(loaded.data.serverNow - Date.now());
      setAnswers(loaded.data.answers);
      setExam(loaded.data);
    })();
  }, [state.status, api, showResult]);

  const current = exam?.questions[index];
  useEffect(() => {
    if (!current || questions[current.id]) return;
    void callApi(`/api/questions/${current.id}`, PublicQuestionSchema).then(
      (loaded) => {
        if (loaded.ok)
          setQuestions((all) => ({ ...all, [current.id]: loaded.data }));
        else setProblem(loaded.message);
      },
    );
  }, [current, questions]);

  /** Saves in order, one request at a time, so the last change wins. */
  function save(questionId: string, answer: Answers[string]) {
    if (!exam) return;
    setAnswers((all) => ({ ...all, [questionId]: answer }));
    setSaving("saving");
    queue.current = queue.current.then(async () => {
      const response = await api(
        `/api/exams/${exam.id}/answers/${questionId}`,
        z.null(),
        { method: "PUT", body: answer },
      );
      if (response.ok) return setSaving("saved");
      if (response.code === "EXAM_OVER") return showResult(exam.id);
      setSaving(
        `Not saved: ${response.message} Change the answer again to retry.`,
      );
    });
  }

  const question = current ? questions[current.id] : undefined;
  const answer = current ? answers[current.id] : undefined;
  const chosen = answer?.chosen ?? [];
  const multiple = question?.type === "multiple-response";

  function toggle(letter: string) {
    if (!current) return;
    save(current.id, {
      chosen: toggleLetter(chosen, letter, multiple),
      flagged: answer?.flagged ?? false,
    });
  }
  const flag = () =>
    current &&
    save(current.id, { chosen, flagged: !(answer?.flagged ?? false) });
  const go = (to: number) => {
    if (!exam) return;
    setIndex(Math.min(exam.length - 1, Math.max(0, to)));
    setReviewing(false);
  };

  async function submit() {
    if (!exam) return;
    await queue.current;
    const response = await api(`/api/exams/${exam.id}/submit`, z.unknown(), {
      method: "POST",
    });
    if (response.ok || response.code === "EXAM_OVER")
      return showResult(exam.id);
    setProblem(response.message);
  }

  useShortcuts(
    () => ({
      ...(current && !reviewing
        ? optionKeys(current.order.length, (i) => {
            const letter = current.order[i];
            if (letter) toggle(letter);
          })
        : {}),
      n: () => go(index + 1),
      p: () => go(index - 1),
      "Shift+F": () => void flag(),
      "?": () => setHelp((open) => !open),
    }),
    !help && exam !== null,
  );

  if (problem === "NO_EXAM") {
    return (
      <p>
        You have no mock exam in progress.{" "}
        <Link href="/exam" className="text-accent-ink underline">
          Start one
        </Link>
        .
      </p>
    );
  }
  if (!exam) {
    return problem ? (
      <ProblemMessage>{problem}</ProblemMessage>
    ) : (
      <p className="text-ink-muted">Loading your exam…</p>
    );
  }

  const answeredCount = exam.questions.filter(
    (q) => (answers[q.id]?.chosen.length ?? 0) > 0,
  ).length;
  // One clock on the page: in the side column on a wide screen, in a bar
  // that stays above the question on a narrow one.
  const status = (
    <ExamStatus
      exam={exam}
      offsetMs={offsetMs}
      answeredCount={answeredCount}
      onExpired={() => showResult(exam.id)}
      compact={!wide}
    />
  );
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      {exam.shortened && (
        <p className="bg-surface-muted rounded-lg px-3 py-2 text-sm lg:col-span-2">
          A shorter exam: {exam.length} questions in {exam.durationMinutes}{" "}
          minutes, in the real exam&apos;s domain proportions and pace.
        </p>
      )}
      {!wide && (
        <div className="bg-canvas border-line sticky top-0 z-10 -mx-4 border-b px-4 py-2">
          {status}
        </div>
      )}
      <div className="space-y-5">
        {reviewing ? (
          <ExamSubmitPanel
            exam={exam}
            answers={answers}
            onJump={go}
            onSubmit={() => void submit()}
            onCancel={() => setReviewing(false)}
          />
        ) : (
          <article className="space-y-4" aria-labelledby="exam-question">
            <h2 id="exam-question" className="font-semibold">
              Question {index + 1} of {exam.length}
            </h2>
            {question ? (
              <>
                <QuestionHtml html={question.scenarioHtml} />
                <QuestionHtml
                  html={question.requirementHtml}
                  className="font-medium"
                />
                <OptionList
                  options={question.options}
                  order={current!.order}
                  multiple={multiple}
                  chosen={chosen}
                  onToggle={toggle}
                  legend={
                    multiple
                      ? `Choose ${question.choose} (${chosen.length} chosen)`
                      : "Choose one answer"
                  }
                />
              </>
            ) : (
              <p className="text-ink-muted">Loading the question…</p>
            )}
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                onClick={() => go(index - 1)}
                disabled={index === 0}
                className="border-line rounded-lg border px-4 py-2 disabled:opacity-50"
              >
                ← Previous (P)
              </button>
              <button
                type="button"
                onClick={() => void flag()}
                aria-pressed={answer?.flagged ?? false}
                aria-keyshortcuts="Shift+F"
                className="border-line aria-pressed:border-accent rounded-lg border px-4 py-2 aria-pressed:font-semibold"
              >
                {answer?.flagged ? "Flagged ⚑" : "Flag"} (Shift+F)
              </button>
              {index + 1 < exam.length ? (
                <button
                  type="button"
                  onClick={() => go(index + 1)}
                  className="bg-accent text-on-accent rounded-lg px-4 py-2 font-semibold"
                >
                  Next (N) →
                </button>
              ) : (
                <button
                  type="button"
                  onClick={() => setReviewing(true)}
                  className="bg-accent text-on-accent rounded-lg px-4 py-2 font-semibold"
                >
                  Review and submit
                </button>
              )}
            </div>
          </article>
        )}
        {problem && <ProblemMessage>{problem}</ProblemMessage>}
      </div>

      <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        {wide && status}
        <p role="status" className="text-ink-muted text-sm">
          {saving === "saved"
            ? "All answers saved"
            : saving === "saving"
              ? "Saving…"
              : saving}
        </p>
        <ExamNavigator
          exam={exam}
          answers={answers}
          current={reviewing ? -1 : index}
          onJump={go}
        />
        {!reviewing && (
          <button
            type="button"
            onClick={() => setReviewing(true)}
            className="border-line w-full rounded-lg border px-4 py-2"
          >
            Review and submit
          </button>
        )}
        <button
          type="button"
          onClick={() => setHelp(true)}
          className="text-accent-ink text-sm underline"
        >
          Keyboard shortcuts (?)
        </button>
      </aside>
      <ShortcutHelp
        open={help}
        onClose={() => setHelp(false)}
        rows={EXAM_SHORTCUTS}
      />
    </div>
  );
}
