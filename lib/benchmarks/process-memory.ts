import "server-only";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Resident memory of a process and every process under it, in MB, read from
 * /proc (Linux): `next start` may serve from a child of the process started.
 */
export function residentMegabytes(rootPid: number): number {
  const parentOf = new Map<number, number>();
  const rssKbOf = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      parentOf.set(pid, ppid);
      rssKbOf.set(pid, rss);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid; p > 1; p = parentOf.get(p) ?? 0) {
      if (p === rootPid) return true;
    }
    return false;
  };
  let kb = 0;
  for (const [pid, rss] of rssKbOf) if (inTree(pid)) kb += rss;
  return Math.round(kb / 1024);
}
