import type { Metadata } from "next";

import { SignUpForm } from "@/components/account/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <p className="text-ink-muted">
        Keep your progress across devices. Everything you did as a guest in this
        browser becomes your account&apos;s.
      </p>
      <SignUpForm />
    </div>
  );
}
