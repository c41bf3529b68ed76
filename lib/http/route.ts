import "server-only";
import type { NextRequest, NextResponse } from "next/server";

import { errorResponse } from "@/lib/errors/error-response";
import { ServerTiming } from "@/lib/http/server-timing";

type Context<Params> = { params: Promise<Params>; timing: ServerTiming };
type Handler<Params> = (
  request: NextRequest,
  context: Context<Params>,
) => Promise<NextResponse>;

/**
 * Wraps a route handler so every answer, success or failure, goes through the
 * one error mapper and carries the `Server-Timing` the handler measured.
 */
export function route<Params = Record<string, never>>(
  handler: Handler<Params>,
) {
  return async (
    request: NextRequest,
    { params }: { params: Promise<Params> },
  ) => {
    const timing = new ServerTiming();
    let response: NextResponse;
    try {
      response = await handler(request, { params, timing });
    } catch (error) {
      response = errorResponse(error, {
        method: request.method,
        path: request.nextUrl.pathname,
      });
    }

    const header = timing.header();
    if (header) response.headers.set("Server-Timing", header);
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}
