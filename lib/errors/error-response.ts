import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

import { AppError } from "@/lib/errors/app-error";
import type { ErrorBody } from "@/lib/errors/error-body";
import { logger } from "@/lib/log/logger";

/**
 * The one place where a thrown error becomes an HTTP answer: invalid input is
 * a 422 that lists what is wrong, an AppError keeps its own status and
 * message, and anything else is logged and answered with a plain 500.
 */
export function errorResponse(
  error: unknown,
  context: Record<string, unknown>,
): NextResponse<ErrorBody> {
  if (error instanceof ZodError) {
    const issues = error.issues.map(
      (issue) => `${issue.path.join(".") || "body"}: ${issue.message}`,
    );
    return NextResponse.json(
      {
        error: {
          code: "VALIDATION_FAILED",
          message: "The request is not valid.",
          issues,
        },
      },
      { status: 422 },
    );
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
    return NextResponse.json(
      { error: { code: error.code, message: error.message } },
      { status: error.status },
    );
  }

  logger.error("unexpected error", { ...context, error });
  return NextResponse.json(
    {
      error: {
        code: "INTERNAL",
        message:
          "Something went wrong on our side. Nothing you sent was lost; try again.",
      },
    },
    { status: 500 },
  );
}
