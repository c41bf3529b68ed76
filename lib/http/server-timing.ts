import "server-only";

/** Collects durations for a `Server-Timing` response header. */
export class ServerTiming {
  private readonly entries: { name: string; ms: number }[] = [];

  async measure<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.entries.push({ name, ms: performance.now() - start });
    }
  }

  header(): string | undefined {
    if (this.entries.length === 0) return undefined;
    return this.entries
      .map(({ name, ms }) => `${name};dur=${ms.toFixed(1)}`)
      .join(", ");
  }
}
