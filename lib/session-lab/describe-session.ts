import "server-only";

import { instanceName } from "@/lib/env/instance-name";
import { getMemcached } from "@/lib/memcached/get-memcached";
import type { SessionLabReply } from "@/lib/session-lab/session-lab-reply";
import { keyPrefix, sessionKey } from "@/lib/session/session-id";

/** Which instance is answering, and where the session's copies live. */
export function describeSessionPlacement(sessionId: string): SessionLabReply {
  const key = sessionKey(sessionId);
  const { home, backup } = getMemcached().placement(key);
  return { instance: instanceName(), key: `${keyPrefix(key)}…`, home, backup };
}
