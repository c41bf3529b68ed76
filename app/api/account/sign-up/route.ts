import { NextResponse } from "next/server";

import { SignUpSchema } from "@/lib/accounts/account-schemas";
import { signUp } from "@/lib/accounts/sign-up";
import { clientAddress } from "@/lib/http/client-address";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { ensureSession } from "@/lib/session/open-session";
import { clearSessionCookie } from "@/lib/session/session-cookie";

/**
 * Creates an account on the browser's guest learner and ends the guest's
 * session; signing in next starts the account's own.
 */
export const POST = route(async (request) => {
  const body = await readBody(request, SignUpSchema);
  const session = await ensureSession(request);

  await signUp(session, body, clientAddress(request.headers));
  const response = NextResponse.json({ email: body.email }, { status: 201 });
  clearSessionCookie(response);
  return response;
});
