// `npm run user:create -- --email you@example.com --role admin` creates an
// account, or gives an existing one the role. The password is asked for
// twice without echo, or read from standard input with --password-stdin.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";

import { z } from "zod";

import { EmailSchema } from "@/lib/accounts/email";
import { createAccount } from "@/lib/accounts/create-account";
import { findUserByEmail } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";
import { AppError } from "@/lib/errors/app-error";
import { closeMemcached } from "@/lib/memcached/get-memcached";

const ArgsSchema = z.object({
  email: EmailSchema,
  role: z.enum(["learner", "instructor", "admin"], {
    error: "give --role learner, instructor or admin",
  }),
  "password-stdin": z.boolean().default(false),
});

function fail(message: string): never {
  process.stderr.write(`user:create: ${message}\n`);
  process.exit(1);
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, "");
}

/** Asks without echoing what is typed. */
function askHidden(prompt: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({
    input: process.stdin,
    output: muted,
    terminal: true,
  });
  process.stdout.write(prompt);
  return new Promise((resolve) =>
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    }),
  );
}

async function password(args: z.infer<typeof ArgsSchema>): Promise<string> {
  if (args["password-stdin"]) return readStdin();
  if (!process.stdin.isTTY)
    fail("no terminal to ask for a password: use --password-stdin");
  const first = await askHidden("Password (at least 15 characters): ");
  const second = await askHidden("Same password again: ");
  if (first !== second) fail("the two passwords differ; nothing was changed");
  return first;
}

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    "password-stdin": { type: "boolean" },
  },
});
const parsed = ArgsSchema.safeParse(values);
if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join(" "));
const args = parsed.data;

const db = getDb();
await migrateToLatest(db);
const exists = Boolean(await findUserByEmail(db, args.email));
let result;
try {
  result = await createAccount(db, {
    email: args.email,
    role: args.role,
    password: exists ? null : await password(args),
  });
} catch (error) {
  // SQL already records the sessions as revoked: no instance rebuilds them,
  // and a cached copy is dropped the next time it is written back.
  if (!(
    error instanceof AppError && error.code === "SESSION_STORE_UNAVAILABLE"
  ))
    throw error;
  fail(
    `${args.email} now has the role ${args.role} and its sessions are ` +
      "marked signed out, but memcached (MEMCACHED_SERVERS) could not be " +
      "reached to drop their cached copies; they end within a minute of use.",
  );
} finally {
  await db.destroy();
  closeMemcached();
}
if (!result.ok) fail(result.message);
process.stdout.write(
  result.created
    ? `Created ${args.email} as ${args.role}.\n`
    : `${args.email} already had an account; its role is now ` +
        `${args.role}, and ${result.sessionsSignedOut} of its sessions ` +
        "were signed out, so it applies from the next sign-in.\n",
);
