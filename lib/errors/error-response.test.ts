import { describe, expect, it, vi } from "vitest";

import { AppError } from "@/lib/errors/app-error";
import { publicError } from "@/lib/errors/error-response";
import { logger } from "@/lib/log/logger";

function withCode(message: string, code: string) {
  return Object.assign(new Error(message), { code });
}

describe("publicError", () => {
  it("tells a database that cannot be reached as a 503 and logs its own words", () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const errors = [
      withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
      withCode("the database system is shutting down", "57P01"),
      withCode("connection failure", "08006"),
      withCode("database is locked", "SQLITE_BUSY"),
      withCode("disk I/O error", "SQLITE_IOERR_WRITE"),
      new Error("timeout exceeded when trying to connect"),
    ];

    const answers = errors.map((error) => publicError(error, {}));

    for (const { status, body } of answers) {
      expect(status).toBe(503);
      expect(body.error.code).toBe("DATABASE_UNAVAILABLE");
      expect(body.error.message).toMatch(/^The database cannot be reached/);
      expect(body.error.message).not.toMatch(/ECONNREFUSED|locked|5432/);
    }
    expect(logged).toHaveBeenCalledTimes(errors.length);
    logged.mockRestore();
  });

  it("keeps a query's own error a plain 500 that shows none of its words", () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const error = withCode('relation "sessions" does not exist', "42P01");

    const { status, body } = publicError(error, { route: "/api/x" });

    expect(status).toBe(500);
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.message).not.toContain("sessions");
    expect(logged).toHaveBeenCalledWith("unexpected error", {
      route: "/api/x",
      error,
    });
    logged.mockRestore();
  });

  it("keeps an AppError's status and message, and lists invalid input as 422", async () => {
    const { z } = await import("zod");
    vi.spyOn(logger, "info").mockImplementation(() => {});
    const refused = publicError(
      new AppError("RATE_LIMITED", "Wait 2 minutes."),
      {},
    );
    const invalid = publicError(
      z.object({ email: z.string() }).safeParse({}).error,
      {},
    );

    expect(refused).toEqual({
      status: 429,
      body: { error: { code: "RATE_LIMITED", message: "Wait 2 minutes." } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues).toEqual([
      "email: Invalid input: expected string, received undefined",
    ]);
  });
});
