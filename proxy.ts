import "server-only";
import { NextResponse, type NextRequest } from "next/server";

import {
  checkPageGate,
  pageGateOf,
  type PageVerdict,
} from "@/lib/auth/page-gate";
import { refusalPage } from "@/lib/auth/refusal-page";
import { publicError } from "@/lib/errors/error-response";
import { findSession } from "@/lib/session/open-session";

/**
 * Gates the pages only some may open (lib/auth/page-gate.ts) before any of
 * their HTML is sent: a visitor is sent to sign in and brought back, a member
 * with another role gets a 403 that says who the page is for.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const gate = pageGateOf(pathname);
  if (!gate) return NextResponse.next();

  let verdict: PageVerdict;
  try {
    verdict = checkPageGate(gate, await findSession(request));
  } catch (error) {
    const { status, body } = publicError(error, {
      method: request.method,
      path: pathname,
    });
    return refusalPage(status, body.error.message);
  }
  if (verdict.allowed) return NextResponse.next();
  if (!verdict.signIn) return refusalPage(403, verdict.message);

  const signIn = request.nextUrl.clone();
  signIn.pathname = "/sign-in";
  signIn.search = new URLSearchParams({
    callbackUrl: `${pathname}${search}`,
  }).toString();
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/instructor/:path*", "/author/:path*", "/account/:path*"],
};
