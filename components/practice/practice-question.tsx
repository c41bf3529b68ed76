"use client";

import { useEffect, useRef, useState } from "react";
import type { z } from "zod";

import { AnswerExplanation } from "@/components/answer-explanation";
import { callApi } from "@/components/call-api";
import {
  choiceProblem,
  displayLetter,
  OptionList,
  toggleLetter,
} from "@/components/practice/option-list";
import { ShortcutHelp } from "@/components/practice/shortcut-help";
import { optionKeys, useShortcuts } from "@/components/practice/use-shortcuts";
import { QuestionHtml } from "@/components/question-html";
import { useSession } from "@/components/session-provider";
import { useApi } from "@/components/use-api";
import {
  BookmarkResultSchema,
  FlagResultSchema,
  PracticeResultSchema,
  PublicQuestionSchema,
  type PracticeResult,
} from "@/lib/api/question-schemas";
import { ProblemMessage } from "@/components/problem-message";

type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

type Props = {
  questionId: string;
  order: string[];
  answerUrl: string;
  progressLabel: string;
  bookmarked: boolean;
  onBookmarkChange: (bookmarked: boolean) => void;
  onAnswered?: (result: PracticeResult) => void;
  onNext: () => void;
  nextLabel: string;
  /** The verdict when the question was answered before a reload. */
  earlierVerdict?: boolean | null;
};

/**
 * One drill or review question: choose, check, read the explanation, move
 * on. Every action has a key (see ShortcutHelp) as well as a button.
 */
export function PracticeQuestion(props: Props) {
  const { questionId, order } = props;
  const api = useApi();
  const { refresh } = useSession();
  const [question, setQuestion] = useState<PublicQuestion | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [unsure, setUnsure] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<PracticeResult | null>(null);
  const [flagged, setFlagged] = useState(false);
  const [help, setHelp] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void callApi(`/api/questions/${questionId}`, PublicQuestionSchema).then(
      (loaded) => {
        if (!live) return;
        if (!loaded.ok) return setProblem(loaded.message);
        setQuestion(loaded.data);
        heading.current?.focus();
        void fetch(`/api/questions/${questionId}/start`, { method: "POST" });
      },
    );
    return () => {
      live = false;
    };
  }, [questionId]);

  // A question answered before a reload shows its explanation again; the
  // server keeps what was chosen.
  const earlierVerdict = props.earlierVerdict;
  useEffect(() => {
    if (earlierVerdict == null) return;
    let live = true;
    void api(props.answerUrl, PracticeResultSchema).then((response) => {
      if (live && response.ok) setResult(response.data);
    });
    return () => {
      live = false;
    };
  }, [api, props.answerUrl, earlierVerdict]);

  // The verdict takes focus, so a screen reader reads it and Tab continues
  // into the explanation.
  useEffect(() => {
    if (result) document.querySelector<HTMLElement>("[data-verdict]")?.focus();
  }, [result]);

  const multiple = question?.type === "multiple-response";
  const answered = result !== null || props.earlierVerdict != null;
  const labelOf = (letter: string) => displayLetter(order.indexOf(letter));

  const toggle = (letter: string) =>
    setChosen((current) => toggleLetter(current, letter, multiple));

  async function check() {
    if (!question || answered || pending) return;
    const wrongCount = choiceProblem(question.choose, chosen.length);
    if (wrongCount) return setProblem(wrongCount);
    setPending(true);
    setProblem(null);
    const response = await api(props.answerUrl, PracticeResultSchema, {
      method: "POST",
      body: { questionId, options: chosen, unsure },
    });
    setPending(false);
    if (!response.ok)
      return setProblem(`${response.message} Your choice is kept.`);
    setResult(response.data);
    props.onAnswered?.(response.data);
    void refresh();
  }

  async function toggleBookmark() {
    const next = !props.bookmarked;
    const response = await api(
      `/api/bookmarks/${questionId}`,
      BookmarkResultSchema,
      { method: "PUT", body: { bookmarked: next } },
    );
    if (response.ok) props.onBookmarkChange(next);
    else setProblem(response.message);
  }

  async function flag() {
    const response = await api("/api/review/flag", FlagResultSchema, {
      method: "POST",
      body: { questionId },
    });
    if (response.ok) setFlagged(true);
    else setProblem(response.message);
  }

  useShortcuts(
    () => ({
      ...(answered || !question
        ? {}
        : optionKeys(order.length, (index) => {
            const letter = order[index];
            if (letter) toggle(letter);
          })),
      Enter: () => void check(),
      n: props.onNext,
      "Shift+F": () => void flag(),
      "Shift+B": () => void toggleBookmark(),
      "?": () => setHelp((open) => !open),
    }),
    !help,
  );

  return (
    <article className="space-y-5" aria-busy={!question}>
      <div className="text-ink-muted flex flex-wrap items-center justify-between gap-2 text-sm">
        <h2
          ref={heading}
          tabIndex={-1}
          className="text-ink text-base font-semibold"
        >
          {props.progressLabel}
        </h2>
        <div className="flex flex-wrap gap-2">
          <ToolButton
            onClick={() => void toggleBookmark()}
            pressed={props.bookmarked}
            shortcut="Shift+B"
          >
            {props.bookmarked ? "Bookmarked" : "Bookmark"} (Shift+B)
          </ToolButton>
          <ToolButton
            onClick={() => void flag()}
            pressed={flagged}
            shortcut="Shift+F"
          >
            {flagged ? "Flagged for review" : "Flag for review"} (Shift+F)
          </ToolButton>
          <ToolButton onClick={() => setHelp(true)} shortcut="?">
            Shortcuts (?)
          </ToolButton>
        </div>
      </div>

      {question ? (
        <>
          <p className="text-ink-muted text-sm">
            Task {question.task} · {question.services.join(", ")} ·{" "}
            {question.difficulty}
          </p>
          <QuestionHtml html={question.scenarioHtml} />
          <QuestionHtml
            html={question.requirementHtml}
            className="font-medium"
          />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void check();
            }}
            className="space-y-4"
          >
            <OptionList
              options={question.options}
              order={order}
              multiple={multiple}
              chosen={result ? result.chosen : chosen}
              onToggle={toggle}
              disabled={pending || answered}
              answer={result?.answer}
              legend={
                multiple
                  ? `Choose ${question.choose} (${chosen.length} chosen)`
                  : "Choose one answer"
              }
            />
            {!answered && (
              <>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={unsure}
                    onChange={(e) => setUnsure(e.target.checked)}
                    className="accent-accent size-4"
                  />
                  I am not sure (a right answer comes back for review sooner)
                </label>
                <button
                  type="submit"
                  disabled={pending}
                  className="bg-accent text-on-accent hover:bg-accent-strong rounded-lg px-5 py-2 font-semibold disabled:opacity-60"
                >
                  {pending ? "Checking…" : "Check answer (Enter)"}
                </button>
              </>
            )}
          </form>
        </>
      ) : (
        !problem && <p className="text-ink-muted">Loading the question…</p>
      )}

      {problem && <ProblemMessage>{problem}</ProblemMessage>}

      {result && (
        <AnswerExplanation
          result={result}
          labelOf={labelOf}
          verdictExtra={` Next review: ${new Date(result.nextReview).toLocaleDateString()}.`}
        />
      )}
      {!result && props.earlierVerdict != null && (
        <p role="status" className="bg-surface-muted rounded px-3 py-2">
          You already answered this question in this drill (
          {props.earlierVerdict ? "correct" : "not correct"}).
        </p>
      )}

      <button
        type="button"
        onClick={props.onNext}
        className={
          answered
            ? "bg-accent text-on-accent hover:bg-accent-strong rounded-lg px-5 py-2 font-semibold"
            : "border-line rounded-lg border px-4 py-2 text-sm"
        }
      >
        {answered ? props.nextLabel : "Skip"} (N)
      </button>

      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </article>
  );
}

function ToolButton({
  onClick,
  pressed,
  shortcut,
  children,
}: {
  onClick: () => void;
  pressed?: boolean;
  shortcut: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      className="border-line bg-surface text-ink aria-pressed:border-accent rounded-md border px-2.5 py-1 aria-pressed:font-semibold"
    >
      {children}
    </button>
  );
}
