"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useCallback, useState } from "react";
import { z } from "zod";

import { buttonClass, inputClass } from "@/components/form-styles";
import { useSession } from "@/components/session-provider";
import { useApi } from "@/components/use-api";
import { useSessionLoad } from "@/components/use-session-load";
import { AccountSchema } from "@/lib/accounts/account-schemas";
import { ProblemMessage } from "@/components/problem-message";

type Account = z.infer<typeof AccountSchema>;
const CARD = "space-y-3 rounded-xl border border-line bg-surface p-5";

/** Password, sign-out everywhere and deletion for a signed-in member. */
export function AccountScreen() {
  const api = useApi();
  const router = useRouter();
  const { refresh } = useSession();
  const [account, setAccount] = useState<Account | null>(null);
  const [guest, setGuest] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await api("/api/account", AccountSchema);
    return () => {
      if (response.ok) return setAccount(response.data);
      if (response.status === 401) return setGuest(true);
      setProblem(response.message);
    };
  }, [api]);
  useSessionLoad(load);

  async function leave(note: string) {
    await signOut({ redirect: false });
    await refresh();
    setMessage(note);
    router.push("/sign-in");
  }

  if (guest) {
    return (
      <p>
        You are practising as a guest.{" "}
        <Link href="/sign-in" className="text-accent-ink underline">
          Sign in
        </Link>{" "}
        or{" "}
        <Link href="/sign-up" className="text-accent-ink underline">
          create an account
        </Link>{" "}
        to keep your progress on any device.
      </p>
    );
  }
  if (!account)
    return problem ? (
      <ProblemMessage>{problem}</ProblemMessage>
    ) : (
      <p className="text-ink-muted">Loading your account…</p>
    );

  return (
    <div className="space-y-6">
      <p>
        Signed in as <strong>{account.email}</strong> ({account.role}).
      </p>
      {message && <p role="status">{message}</p>}
      {problem && <ProblemMessage>{problem}</ProblemMessage>}
      <PasswordForm
        hasPassword={account.hasPassword}
        onDone={(text) => setMessage(text)}
        onProblem={setProblem}
      />
      <section aria-labelledby="sessions" className={CARD}>
        <h2 id="sessions" className="font-semibold">
          Sessions
        </h2>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            className="border-line rounded-lg border px-4 py-2"
            onClick={() => void leave("You are signed out.")}
          >
            Sign out
          </button>
          <button
            type="button"
            className="border-line rounded-lg border px-4 py-2"
            onClick={async () => {
              const done = await api(
                "/api/account/sign-out-everywhere",
                z.object({ sessionsSignedOut: z.number() }),
                { method: "POST" },
              );
              if (!done.ok) return setProblem(done.message);
              await leave(
                `Signed out of ${done.data.sessionsSignedOut} session(s) everywhere.`,
              );
            }}
          >
            Sign out everywhere
          </button>
        </div>
      </section>
      <DeleteAccount
        onDeleted={() => void leave("Your account and its data are deleted.")}
        onProblem={setProblem}
      />
    </div>
  );
}

function PasswordForm(props: {
  hasPassword: boolean;
  onDone: (message: string) => void;
  onProblem: (message: string) => void;
}) {
  const api = useApi();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const done = await api(
      "/api/account/password",
      z.object({ otherSessionsSignedOut: z.number() }),
      {
        method: "POST",
        body: {
          ...(props.hasPassword ? { currentPassword: current } : {}),
          newPassword: next,
        },
      },
    );
    if (!done.ok) return props.onProblem(done.message);
    setCurrent("");
    setNext("");
    props.onDone(
      `Password changed. ${done.data.otherSessionsSignedOut} other session(s) were signed out.`,
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="password" className={CARD}>
      <h2 id="password" className="font-semibold">
        {props.hasPassword ? "Change password" : "Set a password"}
      </h2>
      {props.hasPassword && (
        <label className="block font-medium">
          Current password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            className={inputClass}
          />
        </label>
      )}
      <label className="block font-medium">
        New password (at least 15 characters)
        <input
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
          className={inputClass}
        />
      </label>
      <button type="submit" className={buttonClass}>
        Save password
      </button>
    </form>
  );
}

function DeleteAccount(props: {
  onDeleted: () => void;
  onProblem: (message: string) => void;
}) {
  const api = useApi();
  const [confirm, setConfirm] = useState("");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const done = await api("/api/account", z.null(), {
      method: "DELETE",
      body: { confirm },
    });
    if (done.ok) props.onDeleted();
    else props.onProblem(done.message);
  }

  return (
    <form onSubmit={submit} aria-labelledby="delete" className={CARD}>
      <h2 id="delete" className="font-semibold">
        Delete account
      </h2>
      <p className="text-sm">
        This deletes your account, every answer, exam, review card and bookmark,
        and signs you out everywhere. It cannot be undone.
      </p>
      <label className="block font-medium">
        Type “delete my account” to confirm
        <input
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          className={inputClass}
        />
      </label>
      <button
        type="submit"
        className="bg-bad-line text-on-accent rounded-lg px-5 py-2 font-semibold"
      >
        Delete my account
      </button>
    </form>
  );
}
