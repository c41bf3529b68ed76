import "server-only";

import { randomBytes } from "node:crypto";

import * as argon2 from "@node-rs/argon2";

import { normalizePassword } from "@/lib/accounts/password-policy";

/*
 * argon2id with m=19456 KiB (19 MiB), t=2, p=1: one of the equivalent
 * argon2id configurations in OWASP's Password Storage Cheat Sheet
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html).
 * It is the sheet's headline minimum and @node-rs/argon2's default; the
 * other configurations trade memory for passes (46 MiB with t=1 down to
 * 7 MiB with t=5) and cost about the same to attack.
 */
const CURRENT = {
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} satisfies argon2.Options;

/** argon2id and version 0x13 in @node-rs/argon2's parsed options. */
const ARGON2ID = 2;
const VERSION_0X13 = 1;

let dummyHash: Promise<string> | undefined;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalizePassword(password), CURRENT);
}

export async function verifyPassword(
  hash: string,
  password: string,
): Promise<boolean> {
  try {
    return await argon2.verify(hash, normalizePassword(password));
  } catch {
    return false;
  }
}

/**
 * True when the stored hash used other parameters than today's and should
 * be rehashed after a successful sign-in.
 */
export function needsRehash(hash: string): boolean {
  try {
    const options = argon2.parseOptions(hash);

    // OWASP's configurations trade memory for passes, so any difference
    // from today's means the hash is not the one we would make now.
    return (
      Number(options.algorithm) !== ARGON2ID ||
      Number(options.version) !== VERSION_0X13 ||
      options.memoryCost !== CURRENT.memoryCost ||
      options.timeCost !== CURRENT.timeCost ||
      options.parallelism !== CURRENT.parallelism ||
      options.outputLen !== CURRENT.outputLen
    );
  } catch {
    return true;
  }
}

/**
 * Verifies against a dummy hash when the account does not exist, so
 * sign-in takes the same time either way.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await getDummyHash(), password);

  return false;
}

/**
 * Made once per process with today's parameters, so it never drifts from
 * the real hashes when the parameters change; its password is random and
 * thrown away, so nothing can match it.
 */
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));

  return dummyHash;
}
