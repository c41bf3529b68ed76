import type { z } from "zod";

import { ErrorBodySchema } from "@/lib/errors/error-body";

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string };

/**
 * Calls one of certdrill's API routes from the browser and checks the answer
 * against its schema. Failures come back as a sentence to show, never as a
 * thrown error, so a screen can keep what the learner typed.
 */
export async function callApi<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<z.infer<Schema>>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers:
        init.body === undefined
          ? undefined
          : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return failure(0, "OFFLINE", "The server cannot be reached. Try again.");
  }

  const body: unknown =
    response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : failure(
          response.status,
          "BAD_RESPONSE",
          "The server's answer was not understood. Reload the page.",
        );
  }

  const error = ErrorBodySchema.safeParse(body);
  return error.success
    ? failure(
        response.status,
        error.data.error.code,
        [error.data.error.message, ...(error.data.error.issues ?? [])].join(
          " ",
        ),
      )
    : failure(
        response.status,
        "HTTP",
        `The server answered ${response.status}. Try again.`,
      );
}

function failure(status: number, code: string, message: string) {
  return { ok: false as const, status, code, message };
}
