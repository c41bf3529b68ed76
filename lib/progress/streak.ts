import "server-only";

const DAY_MS = 86_400_000;

/**
 * Study streak from the UTC calendar days ("YYYY-MM-DD") on which the learner
 * answered anything. The current streak ends today, or yesterday when nothing
 * is answered yet today: it breaks only once a whole day has passed. Days
 * after `today` are ignored.
 */
export function studyStreak(
  days: string[],
  today: string,
): { current: number; longest: number } {
  const now = dayNumber(today);
  const studied = [...new Set(days.map(dayNumber))]
    .filter((day) => day <= now)
    .sort((a, b) => a - b);

  return {
    current: runEndingAt(studied, now) || runEndingAt(studied, now - 1),
    longest: longestRun(studied),
  };
}

/** Days since 1970-01-01, so consecutive days differ by exactly one. */
function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(day) &&
    !Number.isNaN(ms) &&
    new Date(ms).toISOString().startsWith(day);
  if (!valid) throw new Error(`"${day}" is not a YYYY-MM-DD calendar day`);

  return ms / DAY_MS;
}

function runEndingAt(sorted: number[], last: number): number {
  const present = new Set(sorted);
  let length = 0;
  while (present.has(last - length)) length++;
  return length;
}

function longestRun(sorted: number[]): number {
  let longest = 0;
  let run = 0;
  sorted.forEach((day, i) => {
    run = i > 0 && day - (sorted[i - 1] ?? day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}
