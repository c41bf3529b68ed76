import "server-only";
import { hostname } from "node:os";

import { getEnv } from "@/lib/env/env";

/** The app instance answering: CERTDRILL_INSTANCE, or host and process id. */
export function instanceName(): string {
  return getEnv().CERTDRILL_INSTANCE ?? `${hostname()}:${process.pid}`;
}
