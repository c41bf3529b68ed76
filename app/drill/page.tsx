import type { Metadata } from "next";

import { DrillScreen } from "@/components/drill/drill-screen";
import { getQuestionBank } from "@/lib/questions/question-bank";

export const metadata: Metadata = { title: "Drill" };

/** Static shell: the filter choices come from the bank at build time. */
export default function DrillPage() {
  const bank = getQuestionBank();
  const questions = [...bank.questions.values()].map((q) => q.public);
  const [blueprint] = bank.blueprints.values();
  const domains = (blueprint?.domains ?? []).map((d) => ({
    number: d.number,
    title: d.title,
    tasks: d.tasks.map((t) => ({ id: t.id, title: t.title })),
  }));
  const services = [...new Set(questions.flatMap((q) => q.services))].sort();

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Drill</h1>
      <p className="text-ink-muted">
        Practise with immediate feedback: every answer shows why it wins and why
        each other option is a trap.
      </p>
      <DrillScreen choices={{ domains, services }} />
    </div>
  );
}
