import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { makeTempDir } from "@/lib/testing/temp-dir";

let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
  cpSync("content/exams", path.join(temp.dir, "content/exams"), {
    recursive: true,
  });
  cpSync(
    "content/questions/1.3-data-stores/session-store-for-stateless-web-tier.md",
    path.join(
      temp.dir,
      "content/questions/1.3-data-stores/session-store-for-stateless-web-tier.md",
    ),
  );
  writeFileSync(
    path.join(temp.dir, "content/questions/1.3-data-stores/broken.md"),
    "---\nid: broken\n---\n## Scenario\n",
  );
  vi.spyOn(process, "cwd").mockReturnValue(temp.dir);
  vi.resetModules();
  // The bank is cached on globalThis, which outlives the module reset.
  delete (globalThis as { certdrillBank?: unknown }).certdrillBank;
});

/** A fresh copy of the bank module, with its logger's errors captured. */
async function loadBank() {
  const { logger } = await import("@/lib/log/logger");
  const logError = vi.spyOn(logger, "error").mockImplementation(() => {});
  const { getQuestionBank } = await import("@/lib/questions/question-bank");
  return { getQuestionBank, logError };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  temp.remove();
});

describe("getQuestionBank", () => {
  it("leaves an invalid file out, says why, and keeps serving the rest", async () => {
    const { getQuestionBank, logError } = await loadBank();

    const bank = getQuestionBank();

    expect([...bank.questions.keys()]).toEqual([
      "session-store-for-stateless-web-tier",
    ]);
    expect(bank.problems.length).toBeGreaterThan(0);
    expect(bank.problems.every((p) => p.file.endsWith("broken.md"))).toBe(true);
    expect(logError).toHaveBeenCalledWith(
      "question files left out of the bank",
      {
        problems: expect.arrayContaining([
          expect.stringMatching(
            /^content\/questions\/1\.3-data-stores\/broken\.md:2:1: missing field "exam"/,
          ),
        ]),
      },
    );
  });

  it("refuses an invalid bank during a production build", async () => {
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    const { getQuestionBank } = await loadBank();

    expect(() => getQuestionBank()).toThrow(
      new RegExp(
        "^The question bank has problems:\\n" +
          "content/questions/1\\.3-data-stores/broken\\.md:2:1: missing field",
      ),
    );
  });

  it("picks up a fixed file in development without a restart", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const { getQuestionBank } = await loadBank();
    expect(getQuestionBank().questions.size).toBe(1);

    const source = readFileSync(
      path.join(
        temp.dir,
        "content/questions/1.3-data-stores/session-store-for-stateless-web-tier.md",
      ),
      "utf8",
    );
    const fixed = source.replace(
      "id: session-store-for-stateless-web-tier",
      "id: broken",
    );
    writeFileSync(
      path.join(temp.dir, "content/questions/1.3-data-stores/broken.md"),
      fixed,
    );

    expect([...getQuestionBank().questions.keys()].sort()).toEqual([
      "broken",
      "session-store-for-stateless-web-tier",
    ]);
  });
});
