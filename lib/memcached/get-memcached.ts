import "server-only";

import { getEnv } from "@/lib/env/env";
import {
  createMemcached,
  type Memcached,
} from "@/lib/memcached/memcached-client";

const holder = globalThis as typeof globalThis & {
  certdrillMemcached?: Memcached;
};

/** The process-wide memcached client, configured from the environment. */
export function getMemcached(): Memcached {
  if (!holder.certdrillMemcached) {
    const env = getEnv();
    holder.certdrillMemcached = createMemcached({
      servers: env.MEMCACHED_SERVERS,
      username: env.MEMCACHED_USERNAME,
      password: env.MEMCACHED_PASSWORD,
      timeoutMs: env.MEMCACHED_TIMEOUT_MS,
      // A revoked session's tombstone must outlive any copy of it.
      tombstoneSeconds: Math.max(
        env.SESSION_IDLE_MINUTES * 60,
        env.MEMBER_SESSION_IDLE_DAYS * 86_400,
      ),
    });
  }
  return holder.certdrillMemcached;
}

/** Closes the process-wide client, if one was opened, so a script can exit. */
export function closeMemcached(): void {
  holder.certdrillMemcached?.close();
  delete holder.certdrillMemcached;
}
