import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { getEnv } from "@/lib/env/env";

let secret: string | undefined;

/**
 * The key that signs and encrypts the sign-in token. NEXTAUTH_SECRET when set
 * (every instance behind a load balancer needs the same one); otherwise one
 * generated on first start and kept in data/auth-secret, so `npm start` works
 * on a fresh clone and a restart does not sign everyone out.
 */
export function authSecret(): string {
  if (secret) return secret;
  const fromEnv = getEnv().NEXTAUTH_SECRET;
  if (fromEnv) return (secret = fromEnv);

  const file = path.join(process.cwd(), "data", "auth-secret");
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const fresh = randomBytes(32).toString("hex");
    try {
      writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
      secret = fresh;
    } catch {
      // Another instance wrote it first; use theirs.
      secret = readFileSync(file, "utf8").trim();
    }
  }
  return secret;
}
