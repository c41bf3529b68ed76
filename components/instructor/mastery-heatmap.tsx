import type { CohortPage } from "@/lib/api/instructor-schemas";

function tone(share: number) {
  if (share >= 0.7) return "bg-good-soft text-good-ink";
  if (share >= 0.4) return "bg-warn-soft text-warn-ink";
  if (share > 0) return "bg-bad-soft text-bad-ink";
  return "bg-surface-muted text-ink-muted";
}

/**
 * Task statements × the learners on this page: the share of each task's
 * questions a learner got right at their last try, so a class's weak spots
 * show as a column of red.
 */
export function MasteryHeatmap({ data }: { data: CohortPage }) {
  return (
    <div className="overflow-x-auto">
      <table className="text-center text-xs">
        <caption className="sr-only">
          Mastery of each task statement per learner, as a percentage
        </caption>
        <thead>
          <tr>
            <th scope="col" className="p-1 text-left">
              Learner
            </th>
            {data.tasks.map((task) => (
              <th key={task.id} scope="col" className="p-1" title={task.title}>
                {task.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.learnerId}>
              <th
                scope="row"
                className="max-w-40 truncate p-1 text-left font-normal"
              >
                {row.name}
              </th>
              {data.tasks.map((task) => {
                const share = row.tasks[task.id] ?? 0;
                return (
                  <td key={task.id} className={`p-1 font-mono ${tone(share)}`}>
                    {Math.round(share * 100)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
