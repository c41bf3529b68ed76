import type { Progress } from "@/lib/api/progress-schemas";

type Task = Progress["tasks"][number];

function level(task: Task) {
  if (task.seen === 0)
    return { label: "not started", tone: "bg-surface-muted text-ink" };
  const share = task.mastered / Math.max(1, task.questions);
  if (share >= 0.7)
    return { label: "strong", tone: "bg-good-soft text-good-ink" };
  if (share >= 0.4)
    return { label: "building", tone: "bg-warn-soft text-warn-ink" };
  return { label: "weak", tone: "bg-bad-soft text-bad-ink" };
}

/**
 * Every task statement as a tile: how many of its questions the learner got
 * right the last time they answered them, and how many they have seen.
 */
export function MasteryMap({ progress }: { progress: Progress }) {
  return (
    <div className="space-y-4">
      {progress.domains.map((domain) => (
        <div key={domain.number}>
          <h3 className="mb-2 text-sm font-semibold">
            Domain {domain.number}: {domain.title} ({domain.weight}%)
          </h3>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
            {progress.tasks
              .filter((task) => task.domain === domain.number)
              .map((task) => {
                const { label, tone } = level(task);
                return (
                  <li key={task.id} className={`rounded-lg p-3 ${tone}`}>
                    <p className="text-sm font-semibold">
                      {task.id} · {label}
                    </p>
                    <p className="text-xs">{task.title}</p>
                    <p className="mt-1 text-xs">
                      {task.mastered} of {task.questions} right at last try ·{" "}
                      {task.seen} seen
                      {task.attempts > 0 &&
                        ` · ${Math.round((100 * task.correct) / task.attempts)}% of ${task.attempts} answers`}
                    </p>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </div>
  );
}
