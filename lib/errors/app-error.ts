import "server-only";

const STATUS = {
  BAD_REQUEST: 400,
  SESSION_REQUIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EXAM_OVER: 409,
  SESSION_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SESSION_STORE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof STATUS;

/** An expected failure whose message is written for the person who sees it. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}
