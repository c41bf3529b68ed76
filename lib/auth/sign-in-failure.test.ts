import { describe, expect, it, vi } from "vitest";

import { signInStep } from "@/lib/auth/sign-in-failure";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";

describe("signInStep", () => {
  it("passes on what the step returns", async () => {
    expect(await signInStep("test", async () => "learner-1")).toBe("learner-1");
  });

  it("keeps the message of a refusal written for the person", async () => {
    const refusal = new AppError(
      "RATE_LIMITED",
      "Too many sign-in attempts. Wait 3 minutes and try again.",
    );

    await expect(
      signInStep("test", async () => {
        throw refusal;
      }),
    ).rejects.toThrow(
      "Too many sign-in attempts. Wait 3 minutes and try again.",
    );
  });

  it("puts a plain message in place of a database's own words, and logs them", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const cause = new Error('relation "sessions" does not exist');

    const failure = await signInStep("test", async () => {
      throw cause;
    }).catch((error: unknown) => error);

    expect(logged).toHaveBeenCalledWith("unexpected error", {
      during: "test",
      error: cause,
    });
    logged.mockRestore();
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(
      "Something went wrong on our side. Nothing you sent was lost; try again.",
    );
  });
});
