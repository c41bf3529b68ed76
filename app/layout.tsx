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

const NAV = [
  ["/drill", "Drill"],
  ["/exam", "Mock exam"],
  ["/review", "Review"],
  ["/progress", "Progress"],
  ["/session-lab", "Session Lab"],
  ["/", "All questions"],
] as const;

export default function RootLayout({
  children,
}: {
  children: React.ReactNode;
}) {
  return (
    <html lang="en">
      <body className="bg-canvas text-ink min-h-screen antialiased">
        <SessionProvider>
          <header className="border-line bg-surface border-b">
            <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
              <Link
                href="/"
                className="text-accent-ink text-lg font-semibold tracking-tight"
              >
                certdrill
              </Link>
              <nav
                aria-label="Main"
                className="order-last w-full sm:order-none sm:w-auto"
              >
                <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
                  {NAV.map(([href, label]) => (
                    <li key={href}>
                      <Link
                        href={href}
                        className="text-ink hover:text-accent-ink hover:underline"
                      >
                        {label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
              <SessionStatus />
            </div>
          </header>
          <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
        </SessionProvider>
      </body>
    </html>
  );
}
