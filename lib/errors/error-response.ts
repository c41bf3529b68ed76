import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

import { AppError } from "@/lib/errors/app-error";
import type { ErrorBody } from "@/lib/errors/error-body";
import { logger } from "@/lib/log/logger";

export type PublicError = { status: number; body: ErrorBody };

const DATABASE_UNAVAILABLE =
  "The database cannot be reached right now, so this was not saved. Try " +
  "again in a moment.";

// Failures to reach the database rather than errors in a query: node's
// socket errors, PostgreSQL's connection exceptions (class 08) and its
// shutdown and start-up states, and SQLite's locked or unreadable file.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "SQLITE_BUSY",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
]);

function isDatabaseUnreachable(error: unknown): boolean {
  const code =
    error instanceof Error && "code" in error ? String(error.code) : "";
  return (
    UNREACHABLE_CODES.has(code) ||
    /^08\d{3}$/.test(code) ||
    code.startsWith("SQLITE_IOERR_") ||
    (error instanceof Error &&
      /Connection terminated|timeout exceeded when trying to connect/.test(
        error.message,
      ))
  );
}

/**
 * The one place where a thrown error becomes what a person is told: invalid
 * input is a 422 that lists what is wrong, an AppError keeps its own status
 * and message, a database that cannot be reached is a 503 that says so, and
 * anything else (a database's own words among them) is logged and told as a
 * plain 500.
 */
export function publicError(
  error: unknown,
  context: Record<string, unknown>,
): PublicError {
  if (error instanceof ZodError) {
    const issues = error.issues.map(
      (issue) => `${issue.path.join(".") || "body"}: ${issue.message}`,
    );
    return {
      status: 422,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "The request is not valid.",
          issues,
        },
      },
    };
  }

  if (error instanceof AppError) {
    const failed = error.status >= 500;
    (failed ? logger.error : logger.info)(
      failed ? "request failed" : "request refused",
      {
        ...context,
        status: error.status,
        code: error.code,
        shown: error.message,
        ...error.details,
        cause: error.cause,
      },
    );
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message } },
    };
  }

  if (isDatabaseUnreachable(error)) {
    logger.error("database unreachable", { ...context, error });
    return {
      status: 503,
      body: {
        error: { code: "DATABASE_UNAVAILABLE", message: DATABASE_UNAVAILABLE },
      },
    };
  }

  logger.error("unexpected error", { ...context, error });
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL",
        message:
          "Something went wrong on our side. Nothing you sent was lost; try again.",
      },
    },
  };
}

/** An API route's answer to a thrown error, through `publicError`. */
export function errorResponse(
  error: unknown,
  context: Record<string, unknown>,
): NextResponse<ErrorBody> {
  const { status, body } = publicError(error, context);
  return NextResponse.json(body, { status });
}
