import type { Metadata } from "next";

import { AccountScreen } from "@/components/account/account-screen";

export const metadata: Metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Account</h1>
      <AccountScreen />
    </div>
  );
}
