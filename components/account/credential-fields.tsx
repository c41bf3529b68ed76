"use client";

import { inputClass } from "@/components/form-styles";

/** The email and password fields of the sign-in and sign-up forms. */
export function CredentialFields(props: {
  email: string;
  password: string;
  onEmail: (value: string) => void;
  onPassword: (value: string) => void;
  /** "current-password" to sign in, "new-password" to sign up. */
  passwordAutoComplete: "current-password" | "new-password";
  passwordHintId?: string;
}) {
  return (
    <>
      <label className="block font-medium">
        Email
        <input
          type="email"
          autoComplete="username"
          required
          value={props.email}
          onChange={(e) => props.onEmail(e.target.value)}
          className={inputClass}
        />
      </label>
      <label className="block font-medium">
        Password
        <input
          type="password"
          autoComplete={props.passwordAutoComplete}
          required
          aria-describedby={props.passwordHintId}
          value={props.password}
          onChange={(e) => props.onPassword(e.target.value)}
          className={inputClass}
        />
      </label>
    </>
  );
}
