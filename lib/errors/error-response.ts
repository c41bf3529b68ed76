import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

import { AppError } from "@/lib/errors/app-error";
import type { ErrorBody } from "@/lib/errors/error-body";
import { logger } from "@/lib/log/logger";

export type PublicError = { status: number; body: ErrorBody };

/**
 * The one place where a thrown error becomes what a person is told: invalid
 * input is a 422 that lists what is wrong, an AppError keeps its own status
 * and message, and anything else (a database's own words among them) is
 * logged and told as a plain 500.
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
