import { z } from "zod";

import { EmailSchema } from "@/lib/accounts/email";

// Long enough for any passphrase the policy accepts, short enough that a
// request cannot make argon2 hash megabytes.
const PasswordInput = z.string().min(1, "enter a password").max(1024);

export const SignUpSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordInput,
});

export const ChangePasswordSchema = z.strictObject({
  currentPassword: PasswordInput.optional(),
  newPassword: PasswordInput,
});

export const DeleteAccountSchema = z.strictObject({
  confirm: z.literal("delete my account", {
    error: 'type "delete my account" to confirm',
  }),
});

export const AccountSchema = z.object({
  email: z.string(),
  role: z.enum(["learner", "instructor", "admin"]),
  hasPassword: z.boolean(),
});
