"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
} from "react";
import { z } from "zod";

import { ErrorBodySchema } from "@/lib/errors/error-body";

// The strict CSP forbids eval; without this zod probes for it on every page
// load and the browser reports the refusal as a violation.
z.config({ jitless: true });

const SessionBodySchema = z.object({
  learner: z.object({
    id: z.string(),
    displayName: z.string(),
    kind: z.enum(["guest", "member"]),
    role: z.enum(["learner", "instructor", "admin"]),
  }),
  progress: z.object({ answered: z.number(), correct: z.number() }),
});

export type SessionState =
  | { status: "loading" }
  | ({ status: "ready" } & z.infer<typeof SessionBodySchema>)
  | { status: "unavailable"; message: string };

type SessionContextValue = {
  state: SessionState;
  refresh: () => Promise<SessionState>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

// One request at a time, so a double-mounted effect cannot start two guests.
let inflight: Promise<SessionState> | null = null;

function openSession(): Promise<SessionState> {
  inflight ??= fetch("/api/session", { method: "POST" })
    .then(async (response): Promise<SessionState> => {
      const body: unknown = await response.json().catch(() => null);
      if (response.ok)
        return { status: "ready", ...SessionBodySchema.parse(body) };
      const error = ErrorBodySchema.safeParse(body);
      return {
        status: "unavailable",
        message: error.success
          ? error.data.error.message
          : `The server answered ${response.status}.`,
      };
    })
    .catch(
      () =>
        ({
          status: "unavailable",
          message: "The server cannot be reached.",
        }) as const,
    )
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** Opens (or starts) the visitor's session once per page load. */
export function SessionProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const refresh = useCallback(async () => {
    const next = await openSession();
    setState(next);
    return next;
  }, []);

  useEffect(() => {
    let mounted = true;
    void openSession().then((next) => {
      if (mounted) setState(next);
    });
    return () => {
      mounted = false;
    };
  }, []);

  return <SessionContext value={{ state, refresh }}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value)
    throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}
