import "server-only";

import { getEnv } from "@/lib/env/env";
import { getMemcached } from "@/lib/memcached/get-memcached";
import {
  createSessionStore,
  type SessionStore,
} from "@/lib/session/session-store";

let store: SessionStore | undefined;

export function getSessionStore(): SessionStore {
  if (!store) {
    const env = getEnv();
    store = createSessionStore(getMemcached(), {
      idleSeconds: env.SESSION_IDLE_MINUTES * 60,
      maxBytes: env.SESSION_MAX_BYTES,
    });
  }
  return store;
}
