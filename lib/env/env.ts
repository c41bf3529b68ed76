import "server-only";
import { z } from "zod";

import { parseServerList } from "@/lib/memcached/server-list";

const booleanFromString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

function wholeNumberFrom(min: number, max: number, unit: string) {
  const message = `expected a whole number of ${unit} from ${min} to ${max}`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

function wholeNumber(min: number, max: number, fallback: number, unit: string) {
  return wholeNumberFrom(min, max, unit).default(fallback);
}

const EnvSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "production", "test"])
      .default("development"),
    MEMCACHED_SERVERS: z
      .string()
      .default("127.0.0.1:11211")
      .transform((value, ctx) => {
        const result = parseServerList(value);
        if (!result.ok) {
          ctx.addIssue({ code: "custom", message: result.message });
          return z.NEVER;
        }
        return result.servers;
      }),
    MEMCACHED_USERNAME: z.string().min(1).optional(),
    MEMCACHED_PASSWORD: z.string().min(1).optional(),
    MEMCACHED_TIMEOUT_MS: wholeNumber(50, 10_000, 1000, "milliseconds"),
    SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60, 30, "minutes"),
    SESSION_MAX_BYTES: wholeNumber(1024, 1_000_000, 64 * 1024, "bytes"),
    // Memcached keeps an item at most 30 days.
    MEMBER_SESSION_IDLE_DAYS: wholeNumber(1, 30, 14, "days"),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, "use at least 32 random characters, e.g. openssl rand -hex 32")
      .optional(),
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).max(40).default("single sign-on"),
    // Names this app instance in /api/health, so an operator behind a load
    // balancer can tell which instance answered.
    CERTDRILL_INSTANCE: z
      .string()
      .regex(/^[\w.-]{1,64}$/)
      .optional(),
    SESSION_COOKIE_SECURE: booleanFromString.optional(),
    // How many entries at the right end of X-Forwarded-For come from our
    // own machines: the client's address is the next one to the left. Unset
    // means 0, and a warning at start-up unless scripts/serve.mjs serves.
    TRUSTED_PROXY_HOPS: wholeNumberFrom(0, 10, "proxies").optional(),
    // Set by scripts/serve.mjs, which appends each request's TCP peer to
    // X-Forwarded-For; without it that header is whatever the client sent.
    CERTDRILL_SERVER: z.literal("scripts/serve.mjs").optional(),
    DATABASE_URL: z
      .string()
      .default("file:data/certdrill.sqlite")
      .refine(
        (value) =>
          value.startsWith("file:") ||
          (/^postgres(ql)?:\/\/./.test(value) && URL.canParse(value)),
        {
          message:
            "use file:<path> for SQLite (for example " +
            "file:data/certdrill.sqlite) or postgres://user:password@host:5432/" +
            "database (postgresql:// also works) for PostgreSQL",
        },
      ),
  })
  .refine(
    (env) =>
      Boolean(env.MEMCACHED_USERNAME) === Boolean(env.MEMCACHED_PASSWORD),
    {
      message: "set both MEMCACHED_USERNAME and MEMCACHED_PASSWORD, or neither",
      path: ["MEMCACHED_USERNAME"],
    },
  )
  .refine(
    (env) =>
      new Set([
        Boolean(env.OIDC_ISSUER),
        Boolean(env.OIDC_CLIENT_ID),
        Boolean(env.OIDC_CLIENT_SECRET),
      ]).size === 1,
    {
      message:
        "set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none",
      path: ["OIDC_ISSUER"],
    },
  );

export type Env = z.infer<typeof EnvSchema>;

export class InvalidEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "InvalidEnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const blankAsUnset = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== ""),
  );
  const result = EnvSchema.safeParse(blankAsUnset);
  if (result.success) return result.data;

  throw new InvalidEnvError(
    result.error.issues.map(
      (issue) => `${issue.path.join(".") || "env"}: ${issue.message}`,
    ),
  );
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
