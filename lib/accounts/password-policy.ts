import "server-only";

import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/*
 * Password rules from NIST SP 800-63B Revision 4, section 3.1.1.2
 * (https://pages.nist.gov/800-63-4/sp800-63b.html):
 *
 * - A password that is the only factor SHALL be at least 15 characters
 *   (8 is allowed only as part of multi-factor sign-in, which we lack).
 * - At least 64 characters SHOULD be allowed. We stop at 128, which still
 *   fits long passphrases and password-manager output, so that one request
 *   cannot make normalisation, zxcvbn (slower than linear) and hashing do
 *   unbounded work.
 * - Printable ASCII, the space and Unicode SHOULD be accepted; each code
 *   point counts as one character, and NFKC or NFKD normalisation SHOULD be
 *   applied before hashing. We use NFKC and count after it.
 * - Composition rules SHALL NOT be imposed, and hints SHALL NOT be stored.
 * - New passwords SHALL be compared with a blocklist of commonly used,
 *   expected or compromised values, including context-specific words such
 *   as the service's name and the username (here the email address) and
 *   their derivatives; the user then picks another.
 * - Guidance on choosing a strong password SHOULD be offered, so every
 *   refusal says what to do instead.
 */

export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 128;

export type PasswordProblem = {
  code: "too-short" | "too-long" | "common" | "contains-email" | "predictable";
  message: string;
};

/** The service's own name, which guessers try first against our accounts. */
const SERVICE_NAME = "certdrill";

/** Names this short occur inside ordinary words too often to matter. */
const MIN_NAME_LENGTH = 3;

/**
 * zxcvbn's 3 means at least 10^8 estimated guesses, far more than an online
 * attacker gets through rate limiting.
 */
const MIN_ZXCVBN_SCORE = 3;

/** Look-alike characters people swap in for letters ("c3rtdr1ll"). */
const LOOKALIKES: Record<string, string> = {
  "0": "o",
  "1": "l",
  i: "l",
  "!": "l",
  "|": "l",
  "3": "e",
  "4": "a",
  "@": "a",
  "5": "s",
  $: "s",
  "7": "t",
  "+": "t",
  "9": "g",
};

const MESSAGES = {
  tooShort:
    `Use at least ${PASSWORD_MIN} characters; a few unrelated words ` +
    "make a long password that is easy to remember.",
  tooLong:
    `Use no more than ${PASSWORD_MAX} characters; ` +
    "a few unrelated words are plenty.",
  common:
    "This password is on lists of commonly used passwords, " +
    "so choose a different one.",
  email:
    "Take your email address (or the part before the @) out of your " +
    "password, or add a few more unrelated words.",
  serviceName:
    "Leave the name CertDrill out of your password, " +
    "or add a few more unrelated words.",
  repetitive:
    "Avoid repeats and runs such as aaaa, abcabc or 12345; " +
    "a few unrelated words work better.",
  guessable:
    "This password follows a pattern that is easy to guess, such as a " +
    "keyboard row or a repeated word, so add another unrelated word or two.",
};

let commonPasswords: Set<string> | undefined;
let zxcvbn: ZxcvbnFactory | undefined;

/** NFKC-normalised form, which is what gets hashed and compared. */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/**
 * null when the password is acceptable; otherwise one plain sentence saying
 * what to change.
 */
export function checkPassword(
  password: string,
  context: { email?: string },
): PasswordProblem | null {
  const normalized = normalizePassword(password);

  return (
    checkLength(normalized) ??
    checkCommon(normalized) ??
    checkEmail(normalized, context.email) ??
    checkPredictable(normalized, context.email)
  );
}

function checkLength(password: string): PasswordProblem | null {
  const length = codePoints(password).length;

  if (length < PASSWORD_MIN) {
    return { code: "too-short", message: MESSAGES.tooShort };
  }

  if (length > PASSWORD_MAX) {
    return { code: "too-long", message: MESSAGES.tooLong };
  }

  return null;
}

function checkCommon(password: string): PasswordProblem | null {
  commonPasswords ??= new Set(dictionary["passwords-common"]);

  return commonPasswords.has(password.toLowerCase())
    ? { code: "common", message: MESSAGES.common }
    : null;
}

function checkEmail(
  password: string,
  email: string | undefined,
): PasswordProblem | null {
  const parts = emailParts(email);

  return isMostly(password, parts)
    ? { code: "contains-email", message: MESSAGES.email }
    : null;
}

function checkPredictable(
  password: string,
  email: string | undefined,
): PasswordProblem | null {
  if (isMostly(password, [SERVICE_NAME])) {
    return { code: "predictable", message: MESSAGES.serviceName };
  }

  if (isRepetitive(password.toLowerCase())) {
    return { code: "predictable", message: MESSAGES.repetitive };
  }

  if (zxcvbnScore(password, email) < MIN_ZXCVBN_SCORE) {
    return { code: "predictable", message: MESSAGES.guessable };
  }

  return null;
}

/** The whole address and the part before the @, normalised. */
function emailParts(email: string | undefined): string[] {
  const address = normalizePassword(email ?? "")
    .trim()
    .toLowerCase();
  if (address === "") return [];

  const localPart = address.split("@")[0] ?? "";

  return [address, localPart];
}

/**
 * True when the names, perhaps spelt with look-alike characters, make up so
 * much of the password that the letters and digits left would be too short
 * to be a password on their own.
 */
function isMostly(password: string, names: string[]): boolean {
  const original = skeleton(password);
  let rest = original;

  for (const name of names.map(skeleton)) {
    if (codePoints(name).length < MIN_NAME_LENGTH) continue;
    rest = rest.split(name).join("");
  }

  return (
    rest.length < original.length && codePoints(rest).length < PASSWORD_MIN
  );
}

/** Lower-case letters and digits only, with look-alikes merged. */
function skeleton(text: string): string {
  return codePoints(text.toLowerCase())
    .map((char) => LOOKALIKES[char] ?? char)
    .filter((char) => /[\p{L}\p{N}]/u.test(char))
    .join("");
}

/** One unit over and over ("abcabca"), or a steady run ("aaaa", "13579"). */
function isRepetitive(password: string): boolean {
  const chars = codePoints(password);

  return hasShortPeriod(chars) || isSteadyRun(chars);
}

/**
 * True when the text repeats itself after at most half its length, rounded
 * up so that two copies joined by one separator count too.
 */
function hasShortPeriod(chars: string[]): boolean {
  const longest = Math.ceil(chars.length / 2);

  for (let period = 1; period <= longest; period++) {
    const repeats = chars.every(
      (char, index) => index < period || char === chars[index - period],
    );
    if (repeats) return true;
  }

  return false;
}

/**
 * True when every character is the same step from the one before. Runs of
 * digits or of a-z wrap around, so "7890123" counts as a run.
 */
function isSteadyRun(chars: string[]): boolean {
  const codes = chars.map((char) => char.codePointAt(0) ?? 0);
  const cycle = cycleLength(chars);
  const steps = codes
    .slice(1)
    .map((code, index) => wrap(code - (codes[index] ?? 0), cycle));

  return steps.every((step) => step === steps[0]);
}

function cycleLength(chars: string[]): number | null {
  if (chars.every((char) => /[0-9]/.test(char))) return 10;
  if (chars.every((char) => /[a-z]/.test(char))) return 26;
  return null;
}

function wrap(step: number, cycle: number | null): number {
  return cycle === null ? step : ((step % cycle) + cycle) % cycle;
}

/** 0 (guessed at once) to 4 (very hard to guess), counting the user's email. */
function zxcvbnScore(password: string, email: string | undefined): number {
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

  const userInputs = [SERVICE_NAME, ...emailParts(email)];

  return zxcvbn.check(password, userInputs).score;
}

function codePoints(text: string): string[] {
  return Array.from(text);
}
