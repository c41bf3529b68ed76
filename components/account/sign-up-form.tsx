"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { z } from "zod";

import { CredentialFields } from "@/components/account/credential-fields";
import { buttonClass } from "@/components/form-styles";
import { useSession } from "@/components/session-provider";
import { useApi } from "@/components/use-api";
import { ProblemMessage } from "@/components/problem-message";

/** Creates an account from the guest the browser already is. */
export function SignUpForm() {
  const router = useRouter();
  const api = useApi();
  const { refresh } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    const created = await api(
      "/api/account/sign-up",
      z.object({ email: z.string() }),
      { method: "POST", body: { email, password } },
    );
    if (!created.ok) {
      setPending(false);
      return setProblem(created.message);
    }
    const result = await signIn("credentials", {
      email: created.data.email,
      password,
      redirect: false,
    });
    setPending(false);
    if (!result?.ok) {
      return setProblem(
        "Your account was created, but signing in failed. Sign in now.",
      );
    }
    await refresh();
    router.push("/progress");
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <CredentialFields
        email={email}
        password={password}
        onEmail={setEmail}
        onPassword={setPassword}
        passwordAutoComplete="new-password"
        passwordHintId="password-rule"
      />
      <p id="password-rule" className="text-ink-muted text-sm">
        At least 15 characters. A few unrelated words make a strong password
        that is easy to remember; no symbols or digits are required.
      </p>
      {problem && <ProblemMessage>{problem}</ProblemMessage>}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
