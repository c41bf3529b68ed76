import { z } from "zod";

const MESSAGE = "Enter an email address like name@example.com.";

/** The longest address SMTP can carry (RFC 5321's 256-octet path less <>). */
const MAX_LENGTH = 254;

/**
 * Something before one @, then a domain of dot-separated labels, none
 * empty. Deliberately loose: only delivering mail proves an address works.
 */
const SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;

/** Trimmed, lower-cased, at most 254 characters, one @, a dot in the domain. */
export const EmailSchema: z.ZodType<string> = z
  .string(MESSAGE)
  .trim()
  .toLowerCase()
  .max(MAX_LENGTH, MESSAGE)
  .regex(SHAPE, MESSAGE);
