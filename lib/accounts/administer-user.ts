import "server-only";
import { z } from "zod";

import { findUserById, setDisabled, setRole } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/get-db";
import { AppError } from "@/lib/errors/app-error";
import { revokeSessions } from "@/lib/session/revoke-session";

export const AdministerUserSchema = z
  .strictObject({
    disabled: z.boolean().optional(),
    role: z.enum(["learner", "instructor", "admin"]).optional(),
  })
  .refine((body) => body.disabled !== undefined || body.role !== undefined, {
    message: "say what to change: disabled, role or both",
  });

/**
 * Disables, enables or changes the role of an account. Either way its
 * sessions are revoked at once on every instance, so a disabled user is out
 * now and a new role applies from the next sign-in.
 */
export async function administerUser(
  adminId: string,
  learnerId: string,
  change: z.infer<typeof AdministerUserSchema>,
) {
  if (adminId === learnerId) {
    throw new AppError(
      "CONFLICT",
      "You cannot disable yourself or change your own role; ask another admin.",
    );
  }
  const db = getDb();
  const user = await findUserById(db, learnerId);
  if (!user) throw new AppError("NOT_FOUND", "There is no such account.");

  if (change.role) await setRole(db, learnerId, change.role);
  if (change.disabled !== undefined)
    await setDisabled(db, learnerId, change.disabled);
  const revoked = await revokeSessions(db, { learnerId });
  return { learnerId, ...change, sessionsSignedOut: revoked };
}
