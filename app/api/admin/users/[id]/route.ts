import { NextResponse } from "next/server";

import {
  administerUser,
  AdministerUserSchema,
} from "@/lib/accounts/administer-user";
import { requireRole } from "@/lib/auth/guards";
import { readBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { findSession } from "@/lib/session/open-session";

/** An admin disables, enables or changes the role of an account. */
export const PATCH = route<{ id: string }>(async (request, { params }) => {
  const { id } = await params;
  const admin = requireRole(await findSession(request), "admin");
  const change = await readBody(request, AdministerUserSchema);

  return NextResponse.json(await administerUser(admin.id, id, change));
});
