import type { Option } from "@/lib/content/question";

/**
 * HTML rendered from question Markdown on the server, where raw HTML is
 * dropped and the result sanitized (lib/content/markdown.ts); nothing else
 * may be passed here.
 */
export function QuestionHtml({
  html,
  className = "",
}: {
  html: string;
  className?: string;
}) {
  return (
    <div
      className={`prose-question ${className}`.trim()}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** An option as candidates see it: its letter, then its rendered text. */
export function OptionLabel({ option }: { option: Option }) {
  return (
    <span>
      <span className="font-semibold">{option.letter}.</span>{" "}
      <span
        className="option-text"
        dangerouslySetInnerHTML={{ __html: option.html }}
      />
    </span>
  );
}
