import { NextResponse } from "next/server";

import { signOutEverywhere } from "@/lib/accounts/manage-account";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

export const POST = route(async (request) => {
  const session = await requireSession(request);

  const revoked = await signOutEverywhere(session);
  return NextResponse.json({ sessionsSignedOut: revoked });
});
