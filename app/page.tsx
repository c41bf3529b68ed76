import Link from "next/link";

import { QuestionHtml } from "@/components/question-html";
import { formatProblem } from "@/lib/content/problem";
import { getQuestionBank } from "@/lib/questions/question-bank";

export default function HomePage() {
  const bank = getQuestionBank();
  const questions = [...bank.questions.values()].map((q) => q.public);

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">
          Drill for AWS Certified Developer – Associate
        </h1>
        <p className="text-ink text-lg">
          Scenario questions in the style of the DVA-C02 exam. Every answer is
          checked on the server and explained: why the right option wins, and
          why each distractor is a trap.
        </p>
      </section>

      {process.env.NODE_ENV === "development" && bank.problems.length > 0 && (
        <section
          aria-labelledby="content-problems"
          className="border-bad-line bg-bad-soft text-bad-ink rounded-lg border p-4"
        >
          <h2 id="content-problems" className="font-semibold">
            {bank.problems.length} problem(s) in the question files; those files
            are left out until fixed
          </h2>
          <ul className="mt-2 space-y-1 font-mono text-sm wrap-anywhere">
            {bank.problems.map((problem) => (
              <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
            ))}
          </ul>
        </section>
      )}

      {[...bank.blueprints.values()].map((blueprint) => (
        <section
          key={blueprint.code}
          aria-labelledby={`exam-${blueprint.code}`}
          className="space-y-4"
        >
          <h2 id={`exam-${blueprint.code}`} className="text-xl font-semibold">
            {blueprint.title} ({blueprint.code.toUpperCase()})
          </h2>
          {blueprint.domains.map((domain) => (
            <div key={domain.number} className="space-y-3">
              <h3 className="text-ink font-semibold">
                Domain {domain.number}: {domain.title} ({domain.weight}%)
              </h3>
              {domain.tasks.map((task) => {
                const inTask = questions.filter(
                  (q) => q.exam === blueprint.code && q.task === task.id,
                );
                return (
                  <details
                    key={task.id}
                    className="border-line bg-surface rounded-lg border"
                  >
                    <summary className="cursor-pointer px-4 py-3">
                      <span className="font-medium">Task {task.id}</span>{" "}
                      {task.title}{" "}
                      <span className="text-ink-muted text-sm">
                        ({inTask.length} questions)
                      </span>
                    </summary>
                    <ul className="space-y-2 px-4 pb-4">
                      {inTask.map((question) => (
                        <li key={question.id}>
                          <Link
                            href={`/questions/${question.id}`}
                            className="border-line hover:border-accent focus-visible:outline-accent block rounded border p-3 focus-visible:outline-2"
                          >
                            <QuestionHtml html={question.requirementHtml} />
                            <span className="text-ink-muted text-sm">
                              {question.type === "multiple-response"
                                ? `Choose ${question.choose}`
                                : "Choose one"}{" "}
                              · {question.difficulty}
                            </span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                );
              })}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
