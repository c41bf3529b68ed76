import { NextResponse } from "next/server";

import { route } from "@/lib/http/route";
import { describeSessionPlacement } from "@/lib/session-lab/describe-session";
import { getSessionStore } from "@/lib/session/get-session-store";
import { attachSession, ensureSession } from "@/lib/session/open-session";

/**
 * The Session Lab's probe: reads the caller's session, writes it back, and
 * says which instance did it and which memcached nodes hold it. The read and
 * write times travel in Server-Timing, where the browser reads them.
 */
export const POST = route(async (request, { timing }) => {
  const session = await timing.measure("session-read", () =>
    ensureSession(request),
  );
  await timing.measure("session-write", () =>
    getSessionStore().save(session.id, session.data),
  );

  return attachSession(
    NextResponse.json(describeSessionPlacement(session.id)),
    session,
  );
});
