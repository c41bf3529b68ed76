// Keeps track of the child processes a script starts. On Ctrl-C every one is
// stopped and waited for, so nothing is left running. When a fatal child
// stops on its own the rest stop too; a child that is not fatal (a cluster's
// memcached node or app instance, which a person may kill to see what
// happens) is only reported.

const children = [];
let stopping = false;

/** Stops every child, waits until each has exited, then exits with `code`. */
export async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const running = children.filter(
    (c) => c.exitCode === null && c.signalCode === null,
  );
  await Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => {
            clearTimeout(force);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  process.exit(code);
}

/**
 * Adds a child. If a fatal child exits while nothing is stopping, the rest
 * stop too; if another does, the script says so and carries on.
 */
export function supervise(
  child,
  name = child.spawnfile,
  { fatal = true } = {},
) {
  children.push(child);
  child.once("exit", (code, signal) => {
    if (stopping) return;
    const how = signal ?? `exit code ${code}`;
    if (!fatal) {
      process.stderr.write(
        `${name} stopped (${how}); the rest keep running.\n`,
      );
      return;
    }
    process.stderr.write(`${name} stopped (${how}); stopping the rest.\n`);
    void stopAll(code ?? 1);
  });
  return child;
}

process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));
