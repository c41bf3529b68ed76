"use client";

import { useState } from "react";
import { z } from "zod";

import { useApi } from "@/components/use-api";

/** The learner's exam date, which pulls weak questions into review before it. */
export function ExamDateForm({
  examDate,
  onSaved,
}: {
  examDate: string | null;
  onSaved: (examDate: string | null) => void;
}) {
  const api = useApi();
  const [value, setValue] = useState(examDate ?? "");
  const [message, setMessage] = useState<string | null>(null);

  async function save(next: string | null) {
    const response = await api(
      "/api/profile",
      z.object({ examDate: z.string().nullable(), reviewsMoved: z.number() }),
      { method: "PUT", body: { examDate: next } },
    );
    if (!response.ok) return setMessage(response.message);
    const moved = response.data.reviewsMoved;
    setMessage(
      `${next ? `Exam date saved: ${next}.` : "Exam date cleared."}` +
        (moved > 0 ? ` ${moved} review(s) rescheduled.` : ""),
    );
    onSaved(response.data.examDate);
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save(value || null);
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <label className="text-sm font-medium">
        My exam date
        <input
          type="date"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="border-line bg-surface text-ink mt-1 block rounded-md border px-2 py-1.5"
        />
      </label>
      <button
        type="submit"
        className="border-line bg-surface rounded-lg border px-4 py-2"
      >
        Save date
      </button>
      {examDate && (
        <button
          type="button"
          onClick={() => {
            setValue("");
            void save(null);
          }}
          className="text-accent-ink text-sm underline"
        >
          Clear
        </button>
      )}
      <p role="status" className="text-ink-muted w-full text-sm">
        {message}
      </p>
    </form>
  );
}
