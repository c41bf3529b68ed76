import { NextResponse } from "next/server";

import { ChangePasswordSchema } from "@/lib/accounts/account-schemas";
import { changePassword } from "@/lib/accounts/manage-account";
import { requireMember } from "@/lib/auth/guards";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

export const POST = route(async (request) => {
  const session = await requireSession(request);
  requireMember(session);
  const body = await readBody(request, ChangePasswordSchema);

  const signedOut = await changePassword(session, body);
  return NextResponse.json({ otherSessionsSignedOut: signedOut });
});
