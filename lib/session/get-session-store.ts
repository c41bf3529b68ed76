import "server-only";

import { getDb } from "@/lib/db/get-db";
import { getEnv } from "@/lib/env/env";
import { getMemcached } from "@/lib/memcached/get-memcached";
import { idleSecondsFor } from "@/lib/session/session-lifetime";
import { isSessionLive } from "@/lib/session/session-record";
import {
  createSessionStore,
  type SessionStore,
} from "@/lib/session/session-store";

let store: SessionStore | undefined;

export function getSessionStore(): SessionStore {
  if (!store) {
    const env = getEnv();
    store = createSessionStore(getMemcached(), {
      idleSeconds: (session) => idleSecondsFor(session.learner),
      maxBytes: env.SESSION_MAX_BYTES,
      isLive: (id) => isSessionLive(getDb(), id),
    });
  }
  return store;
}
