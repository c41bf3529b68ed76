import type { Metadata } from "next";
import Link from "next/link";

import { SessionProvider } from "@/components/session-provider";
import { SessionStatus } from "@/components/session-status";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "certdrill", template: "%s · certdrill" },
  description:
    "Scenario drills for AWS Certified Developer – Associate (DVA-C02), " +
    "with a full explanation of every answer.",
};

export default function RootLayout({
  children,
}: {
  children: React.ReactNode;
}) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <SessionProvider>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
              <Link
                href="/"
                className="text-lg font-semibold tracking-tight text-indigo-700"
              >
                certdrill
              </Link>
              <SessionStatus />
            </div>
          </header>
          <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
        </SessionProvider>
      </body>
    </html>
  );
}
