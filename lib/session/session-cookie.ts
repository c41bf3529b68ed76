import "server-only";
import type { NextRequest, NextResponse } from "next/server";

import { getEnv } from "@/lib/env/env";
import { SessionIdSchema } from "@/lib/session/session-id";

export const SESSION_COOKIE = "certdrill_session";

/** The session id the browser sent, if it is well formed. */
export function readSessionId(request: NextRequest): string | null {
  const parsed = SessionIdSchema.safeParse(
    request.cookies.get(SESSION_COOKIE)?.value,
  );
  return parsed.success ? parsed.data : null;
}

/**
 * A browser-session cookie: it carries no Max-Age because the server decides
 * when a session has gone idle; a stale cookie just finds nothing.
 */
export function writeSessionCookie(response: NextResponse, id: string): void {
  const env = getEnv();
  response.cookies.set(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === "production",
    path: "/",
  });
}

/** Drops the cookie of a session that has ended. */
export function clearSessionCookie(response: NextResponse): void {
  response.cookies.delete(SESSION_COOKIE);
}
