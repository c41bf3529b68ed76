import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

import {
  BenchmarkReportSchema,
  type BenchmarkReport,
} from "@/lib/benchmarks/benchmark-report";

export const LATEST_REPORT = path.join("content", "benchmarks", "latest.json");

/**
 * The report `npm run bench` saved last, or null when none was saved. A file
 * that does not match the schema is an error: the page must not show
 * figures it cannot vouch for.
 */
export function readLatestReport(): BenchmarkReport | null {
  let text: string;
  try {
    text = readFileSync(path.join(process.cwd(), LATEST_REPORT), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return BenchmarkReportSchema.parse(JSON.parse(text));
}
