"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { z } from "zod";

import { buttonClass, inputClass } from "@/components/form-styles";
import { useApi } from "@/components/use-api";
import { ProblemMessage } from "@/components/problem-message";

/** A learner joins a cohort with the code (or link) their instructor gave. */
export function JoinForm() {
  const api = useApi();
  const [code, setCode] = useState(useSearchParams().get("code") ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function join(event: React.FormEvent) {
    event.preventDefault();
    const response = await api(
      "/api/cohorts/join",
      z.object({ cohortId: z.string(), name: z.string() }),
      { method: "POST", body: { code } },
    );
    if (!response.ok) {
      setMessage(null);
      return setProblem(response.message);
    }
    setProblem(null);
    setMessage(`You joined ${response.data.name}.`);
  }

  return (
    <form onSubmit={join} className="space-y-3">
      <label className="block font-medium">
        Invite code
        <input
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className={`${inputClass} font-mono uppercase`}
        />
      </label>
      {problem && <ProblemMessage>{problem}</ProblemMessage>}
      {message && <p role="status">{message}</p>}
      <button type="submit" className={buttonClass}>
        Join
      </button>
    </form>
  );
}
