"use client";

import { useCallback, useState } from "react";

import { buttonClass } from "@/components/form-styles";
import { ProblemMessage } from "@/components/problem-message";
import { ScrollRegion } from "@/components/scroll-region";
import { useSessionLoad } from "@/components/use-session-load";
import { ErrorBodySchema } from "@/lib/errors/error-body";
import {
  SessionLabReplySchema,
  sessionTimings,
  type SessionLabReply,
} from "@/lib/session-lab/session-lab-reply";

type Probe = SessionLabReply & {
  at: string;
  readMs: number | null;
  writeMs: number | null;
};

const KEEP = 8;
const ms = (value: number | null) => (value === null ? "—" : `${value} ms`);

type Outcome = { probe: Probe } | { problem: string };

async function probeOnce(): Promise<Outcome> {
  try {
    const response = await fetch("/api/session-lab", { method: "POST" });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = ErrorBodySchema.safeParse(body);
      return {
        problem: error.success
          ? error.data.error.message
          : `The server answered ${response.status}. Try again.`,
      };
    }
    const reply = SessionLabReplySchema.safeParse(body);
    if (!reply.success) {
      return { problem: "The server's answer was not understood." };
    }
    return {
      probe: {
        ...reply.data,
        ...sessionTimings(response.headers.get("server-timing")),
        at: new Date().toLocaleTimeString(),
      },
    };
  } catch {
    return { problem: "The server cannot be reached. Try again." };
  }
}

/**
 * Asks the server about this very request, again on each click, and lists
 * the answers: behind a load balancer with no stickiness, the instance
 * changes from one to the next while the session's nodes stay put.
 */
export function SessionLabProbe() {
  const [probes, setProbes] = useState<Probe[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const outcome = await probeOnce();
    return () => {
      if ("problem" in outcome) return setProblem(outcome.problem);
      setProblem(null);
      setProbes((earlier) => [outcome.probe, ...earlier].slice(0, KEEP));
    };
  }, []);
  useSessionLoad(load);

  async function ask() {
    setBusy(true);
    (await load())();
    setBusy(false);
  }

  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={ask}
        disabled={busy}
        className={buttonClass}
      >
        {busy ? "Asking…" : "Ask the server again"}
      </button>
      {problem && <ProblemMessage>{problem}</ProblemMessage>}
      <ScrollRegion label="Requests, scrollable">
        <table className="w-full text-left text-sm">
          <caption className="text-ink-muted pb-2 text-left">
            The latest {KEEP} requests, newest first. Read and write times come
            from the response&apos;s Server-Timing header.
          </caption>
          <thead>
            <tr className="border-line border-b">
              <th scope="col" className="py-1 pr-3">
                Time
              </th>
              <th scope="col" className="py-1 pr-3">
                App instance
              </th>
              <th scope="col" className="py-1 pr-3">
                Session key
              </th>
              <th scope="col" className="py-1 pr-3">
                Home node
              </th>
              <th scope="col" className="py-1 pr-3">
                Backup node
              </th>
              <th scope="col" className="py-1 pr-3">
                Read
              </th>
              <th scope="col" className="py-1">
                Write
              </th>
            </tr>
          </thead>
          <tbody data-testid="session-lab-probes">
            {probes.map((probe, index) => (
              <tr key={`${probe.at}-${index}`} className="border-line border-b">
                <td className="py-1 pr-3">{probe.at}</td>
                <td className="py-1 pr-3 font-mono">{probe.instance}</td>
                <td className="py-1 pr-3 font-mono">{probe.key}</td>
                <td className="py-1 pr-3 font-mono">{probe.home}</td>
                <td className="py-1 pr-3 font-mono">
                  {probe.backup ?? "none (one node)"}
                </td>
                <td className="py-1 pr-3">{ms(probe.readMs)}</td>
                <td className="py-1">{ms(probe.writeMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
