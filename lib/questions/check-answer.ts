import "server-only";

/** True when the chosen options are exactly the keyed ones, in any order. */
export function isCorrect(
  chosen: readonly string[],
  answer: readonly string[],
): boolean {
  const picked = new Set(chosen);
  return (
    picked.size === answer.length &&
    answer.every((letter) => picked.has(letter))
  );
}
