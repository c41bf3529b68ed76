import type { Metadata } from "next";
import { Suspense } from "react";

import { SignInForm } from "@/components/account/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <Suspense>
        <SignInForm />
      </Suspense>
    </div>
  );
}
