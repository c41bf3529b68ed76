import Link from "next/link";

import { loadQuestionBank } from "@/lib/questions/question-bank";

export default function HomePage() {
  const questions = [...loadQuestionBank().values()].map((q) => q.public);

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">
          Drill for AWS Certified Developer – Associate
        </h1>
        <p className="text-lg text-slate-700">
          Scenario questions in the style of the DVA-C02 exam. Every answer is
          checked on the server and explained: why the right option wins, and
          why each distractor is a trap.
        </p>
      </section>

      <section aria-labelledby="questions-heading" className="space-y-3">
        <h2 id="questions-heading" className="text-xl font-semibold">
          Questions
        </h2>
        <ul className="space-y-2">
          {questions.map((question) => (
            <li key={question.id}>
              <Link
                href={`/questions/${question.id}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <span className="text-sm text-slate-600">
                  Domain {question.domain} · Task {question.task}
                </span>
                <div
                  className="prose-question mt-1 font-medium"
                  dangerouslySetInnerHTML={{ __html: question.requirementHtml }}
                />
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
