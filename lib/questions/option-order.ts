import "server-only";
import { createHash } from "node:crypto";

/**
 * The order in which one learner sees one question's options: shuffled, so
 * nobody learns "the answer is C", and stable, so a reload or another app
 * instance shows the same order without storing it anywhere.
 */
export function optionOrder(
  learnerId: string,
  questionId: string,
  letters: readonly string[],
): string[] {
  const seed = createHash("sha256")
    .update(`${learnerId}\n${questionId}`)
    .digest();
  const order = [...letters];
  for (let i = order.length - 1; i > 0; i--) {
    const j = seed.readUInt16BE((i * 2) % 30) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
