"use client";

import { QuestionHtml } from "@/components/question-html";
import type { ItemReport } from "@/lib/api/instructor-schemas";

const FLAG_WORDS: Record<string, string> = {
  "very-easy": "very easy",
  "very-hard": "very hard",
  "negative-discrimination": "negative discrimination: check the key",
  "unused-distractor": "a distractor nobody picks",
  "few-attempts": "too few attempts to judge",
};

const pct = (share: number | null) =>
  share === null ? "–" : `${Math.round(share * 100)}%`;

const seconds = (ms: number | null) =>
  ms === null ? "–" : `${Math.round(ms / 1000)} s`;

/**
 * Every question's statistics, and how often each option was picked beside
 * the author's paragraph on why that option is a trap.
 */
export function ItemAnalysisView({ items }: { items: ItemReport[] }) {
  const flagged = items.filter((item) =>
    item.flags.some((flag) => flag !== "few-attempts"),
  );
  return (
    <div className="space-y-3">
      <p className="text-ink-muted text-sm">
        First attempts only. Facility is the share answering correctly;
        discrimination compares the top and bottom 27% of learners by their
        score on the other questions (above 0.3 is good, below 0 suggests a
        wrong key). {flagged.length} question(s) need an author&apos;s look.
      </p>
      {items.map((item) => (
        <details
          key={item.questionId}
          className="border-line bg-surface rounded-xl border p-4"
        >
          <summary className="cursor-pointer">
            <span className="font-medium">
              {item.task} · {item.summary}
            </span>{" "}
            <span className="text-ink-muted text-sm">
              {item.attempts} attempts · facility {pct(item.facility)} ·
              discrimination {item.discrimination?.toFixed(2) ?? "–"} · average
              time {seconds(item.averageTimeMs)}
            </span>
            {item.flags.map((flag) => (
              <span
                key={flag}
                className="bg-warn-soft text-warn-ink ml-2 rounded px-1.5 py-0.5 text-xs"
              >
                {FLAG_WORDS[flag] ?? flag}
              </span>
            ))}
          </summary>
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Options chosen</caption>
            <thead>
              <tr className="border-line border-b">
                <th scope="col" className="py-1 pr-3">
                  Option
                </th>
                <th scope="col" className="py-1 pr-3">
                  Chosen
                </th>
                <th scope="col" className="py-1">
                  Why it is a trap
                </th>
              </tr>
            </thead>
            <tbody>
              {item.options.map((option) => (
                <tr
                  key={option.letter}
                  className="border-line border-b align-top"
                >
                  <th scope="row" className="py-1 pr-3">
                    {option.letter}
                    {option.keyed && " (key)"}
                  </th>
                  <td className="py-1 pr-3">
                    {option.chosen} ({pct(option.share)})
                  </td>
                  <td className="py-1">
                    {option.keyed ? (
                      "—"
                    ) : (
                      <QuestionHtml html={item.traps[option.letter] ?? ""} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}
