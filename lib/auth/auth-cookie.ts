import "server-only";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

import { authSecret } from "@/lib/auth/auth-secret";
import { getEnv } from "@/lib/env/env";
import { SessionIdSchema } from "@/lib/session/session-id";

/** The cookie holding next-auth's token, which carries only a session id. */
export const AUTH_COOKIE = "certdrill_auth";

export function cookieSecure(): boolean {
  const env = getEnv();
  return env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === "production";
}

/** The member session id inside a valid sign-in token, if there is one. */
export async function memberSessionIdOf(
  request: NextRequest,
): Promise<string | null> {
  if (!request.cookies.has(AUTH_COOKIE)) return null;

  const token = await getToken({
    req: request,
    secret: authSecret(),
    cookieName: AUTH_COOKIE,
  });
  const sid = SessionIdSchema.safeParse(token?.sid);
  return sid.success ? sid.data : null;
}
