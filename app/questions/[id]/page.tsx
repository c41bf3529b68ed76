import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { AnswerForm } from "@/components/answer-form";
import { QuestionHtml } from "@/components/question-html";
import { getQuestionBank } from "@/lib/questions/question-bank";

type Props = { params: Promise<{ id: string }> };

// Every question is prerendered at build time; unknown ids are a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return [...getQuestionBank().questions.keys()].map((id) => ({ id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const question = getQuestionBank().questions.get(id);
  return {
    title: question ? `Task ${question.public.task} question` : "Question",
  };
}

export default async function QuestionPage({ params }: Props) {
  const { id } = await params;
  const bank = getQuestionBank();
  const question = bank.questions.get(id)?.public;
  if (!question) notFound();

  const ids = [...bank.questions.keys()];
  const nextId = ids[(ids.indexOf(id) + 1) % ids.length];
  const task = bank.blueprints
    .get(question.exam)
    ?.domains.find((d) => d.number === question.domain)
    ?.tasks.find((t) => t.id === question.task);

  return (
    <article className="mx-auto max-w-3xl space-y-6 wrap-anywhere [&_table]:wrap-normal">
      <p className="text-ink-muted text-sm">
        {question.exam.toUpperCase()} · Domain {question.domain} · Task{" "}
        {question.task}
        {task && `: ${task.title}`}
      </p>
      <h1 className="sr-only">Question {question.id}</h1>
      <QuestionHtml html={question.scenarioHtml} />
      <QuestionHtml
        html={question.requirementHtml}
        className="border-accent bg-surface rounded-lg border-l-4 px-4 py-1 font-medium"
      />
      <AnswerForm key={question.id} question={question} nextId={nextId} />
    </article>
  );
}
