// Keeps track of the child processes a script starts: when one of them stops
// on its own, or on Ctrl-C, every other one is stopped too and waited for,
// so nothing is left running.

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

/** Adds a child; if it exits while nothing is stopping, the rest stop too. */
export function supervise(child, name = child.spawnfile) {
  children.push(child);
  child.once("exit", (code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.\n`,
    );
    void stopAll(code ?? 1);
  });
  return child;
}

process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));
