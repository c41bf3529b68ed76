"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useState } from "react";
import { z } from "zod";

import { afterSignIn } from "@/components/account/after-sign-in";
import { CredentialFields } from "@/components/account/credential-fields";
import { buttonClass } from "@/components/form-styles";
import { useSession } from "@/components/session-provider";
import { ProblemMessage } from "@/components/problem-message";

const ProvidersSchema = z.record(
  z.string(),
  z.object({ id: z.string(), name: z.string(), type: z.string() }),
);

const ERRORS: Record<string, string> = {
  CredentialsSignin: "The email or the password is not right.",
  OidcNoEmail:
    "Your sign-on provider did not share a verified email address, so no account could be made.",
  OidcEmailTaken:
    "An account with that email exists already. Sign in with its password.",
  Disabled: "This account has been disabled. Ask an administrator.",
  AccessDenied: "That sign-in was refused.",
};

/** Email and password, and single sign-on when the server offers it. */
export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const destination = afterSignIn(params.get("callbackUrl"));
  const { refresh } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(() => {
    const code = params.get("error");
    return code ? (ERRORS[code] ?? "Signing in failed. Try again.") : null;
  });
  const [sso, setSso] = useState<{ id: string; name: string } | null>(null);

  useEffect(() => {
    void fetch("/api/auth/providers")
      .then((r) => r.json())
      .then((body: unknown) => {
        const providers = ProvidersSchema.safeParse(body);
        const oidc = providers.success ? providers.data.oidc : undefined;
        if (oidc) setSso({ id: oidc.id, name: oidc.name });
      })
      .catch(() => {});
  }, []);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    const result = await signIn("credentials", {
      email,
      password,
      redirect: false,
    });
    setPending(false);
    if (!result?.ok) {
      return setProblem(
        ERRORS[result?.error ?? ""] ?? result?.error ?? "Signing in failed.",
      );
    }
    await refresh();
    router.push(destination);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-4">
        <CredentialFields
          email={email}
          password={password}
          onEmail={setEmail}
          onPassword={setPassword}
          passwordAutoComplete="current-password"
        />
        {problem && <ProblemMessage>{problem}</ProblemMessage>}
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {sso && (
        <button
          type="button"
          onClick={() => void signIn(sso.id, { callbackUrl: destination })}
          className="border-line bg-surface rounded-lg border px-5 py-2 font-semibold"
        >
          Sign in with {sso.name}
        </button>
      )}
      <p>
        No account yet?{" "}
        <Link href="/sign-up" className="text-accent-ink underline">
          Create one
        </Link>
        ; what you did as a guest comes with you.
      </p>
    </div>
  );
}
