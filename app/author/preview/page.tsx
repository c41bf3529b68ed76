import type { Metadata } from "next";

import { AuthorPreview } from "@/components/author-preview";
import { loadBlueprints } from "@/lib/content/load-blueprints";
import { scaffoldQuestion } from "@/lib/content/scaffold-question";

export const metadata: Metadata = { title: "Question preview" };

export default function AuthorPreviewPage() {
  const blueprint = loadBlueprints().blueprints.get("dva-c02");
  const initial = blueprint
    ? scaffoldQuestion({
        blueprint,
        task: "1.3",
        type: "multiple-choice",
        id: "draft-question",
      })
    : "";

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Question preview</h1>
      <p className="text-ink">
        Type or paste a question file. It is checked with the same rules as{" "}
        <code>npm run content:check</code> and rendered as candidates will see
        it. Select a problem to jump to its line. The format is described in{" "}
        <code>docs/authoring.md</code>.
      </p>
      <AuthorPreview initial={initial} />
    </div>
  );
}
