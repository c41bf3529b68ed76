import { NextResponse } from "next/server";

import { DeleteAccountSchema } from "@/lib/accounts/account-schemas";
import { deleteAccount, describeAccount } from "@/lib/accounts/manage-account";
import { requireMember } from "@/lib/auth/guards";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { requireSession } from "@/lib/session/open-session";

export const GET = route(async (request) => {
  const session = await requireSession(request);

  return NextResponse.json(await describeAccount(session));
});

/** Deletes the account and its data; the browser then signs out. */
export const DELETE = route(async (request) => {
  const session = await requireSession(request);
  requireMember(session);
  await readBody(request, DeleteAccountSchema);

  await deleteAccount(session);
  return new NextResponse(null, { status: 204 });
});
