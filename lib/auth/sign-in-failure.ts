import "server-only";

import { publicError } from "@/lib/errors/error-response";

/**
 * Runs one step of next-auth's sign-in. next-auth copies the message of
 * anything thrown there into the `?error=` of its redirect, which the sign-in
 * form then shows, so the error goes through the one mapper first: a person
 * reads "Too many sign-in attempts…", never a database's own words, and the
 * operator finds the real error in the log.
 */
export async function signInStep<T>(
  step: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(publicError(error, { during: step }).body.error.message, {
      cause: error,
    });
  }
}
