"use client";

import type { Option } from "@/lib/content/question";

export const displayLetter = (index: number) => String.fromCharCode(65 + index);

/** Options in the learner's own order, lettered A, B, C… as shown. */
export function orderedOptions(options: Option[], order: string[]) {
  const byLetter = new Map(options.map((o) => [o.letter, o]));
  return order.flatMap((letter, index) => {
    const option = byLetter.get(letter);
    return option ? [{ ...option, shown: displayLetter(index) }] : [];
  });
}

type Props = {
  options: Option[];
  order: string[];
  multiple: boolean;
  chosen: string[];
  onToggle: (letter: string) => void;
  disabled?: boolean;
  /** After a verdict: the keyed letters, to colour right and wrong. */
  answer?: string[];
  legend: string;
};

/** Radio buttons or checkboxes for a question's options. */
export function OptionList(props: Props) {
  const { options, order, multiple, chosen, onToggle, disabled, answer } =
    props;

  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="mb-2 font-semibold">{props.legend}</legend>
      {orderedOptions(options, order).map((option) => (
        <label
          key={option.letter}
          className={optionClass(option.letter, chosen, answer)}
        >
          <input
            type={multiple ? "checkbox" : "radio"}
            name="option"
            value={option.letter}
            checked={chosen.includes(option.letter)}
            onChange={() => onToggle(option.letter)}
            className="accent-accent mt-1 size-4 shrink-0"
          />
          <span>
            <span className="font-semibold">{option.shown}.</span>{" "}
            <span
              className="option-text"
              dangerouslySetInnerHTML={{ __html: option.html }}
            />
            {answer && answer.includes(option.letter) && (
              <span className="text-good-ink ml-2 text-sm font-semibold">
                (correct answer)
              </span>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

// Each state sets exactly one background: Tailwind orders its utilities
// itself, so a base bg-surface would win over the verdict colours.
function optionClass(letter: string, chosen: string[], answer?: string[]) {
  const base = "flex cursor-pointer items-start gap-3 rounded-lg border p-3";
  if (!answer) {
    return chosen.includes(letter)
      ? `${base} bg-surface border-accent ring-1 ring-accent`
      : `${base} bg-surface border-line`;
  }
  if (answer.includes(letter)) return `${base} border-good-line bg-good-soft`;
  if (chosen.includes(letter)) return `${base} border-bad-line bg-bad-soft`;
  return `${base} bg-surface border-line opacity-80`;
}

/** Toggles a letter: one at a time for multiple choice. */
export function toggleLetter(
  chosen: string[],
  letter: string,
  multiple: boolean,
): string[] {
  if (!multiple) return [letter];
  return chosen.includes(letter)
    ? chosen.filter((l) => l !== letter)
    : [...chosen, letter];
}

/** What to tell a learner who checks with the wrong number of options. */
export function choiceProblem(choose: number, chosen: number): string | null {
  if (chosen === choose) return null;
  return choose === 1
    ? "Choose an option first."
    : `Choose exactly ${choose} options; you have chosen ${chosen}.`;
}
