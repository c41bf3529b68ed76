"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Time left, counted against the server's clock: the offset between the
 * server and this browser is measured when the exam loads, so a browser
 * whose clock is wrong still shows the real deadline. The server refuses
 * late answers whatever this shows.
 */
export function ExamClock({
  deadlineAt,
  offsetMs,
  totalMs,
  onExpired,
}: {
  deadlineAt: number;
  offsetMs: number;
  totalMs: number;
  onExpired: () => void;
}) {
  const [left, setLeft] = useState(() =>
    Math.max(0, deadlineAt - (Date.now() + offsetMs)),
  );
  const expired = useRef(onExpired);
  useEffect(() => {
    expired.current = onExpired;
  });

  useEffect(() => {
    const timer = setInterval(() => {
      const next = Math.max(0, deadlineAt - (Date.now() + offsetMs));
      setLeft(next);
      if (next === 0) {
        clearInterval(timer);
        expired.current();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadlineAt, offsetMs]);

  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  const low = left < 5 * 60_000;
  return (
    <div className="min-w-40">
      <p
        className={`font-mono text-lg font-bold ${low ? "text-bad-ink" : ""}`}
        aria-label={`Time left: ${minutes} minutes ${seconds} seconds`}
      >
        {String(minutes).padStart(2, "0")}:{String(seconds).padStart(2, "0")}
      </p>
      <div
        className="bg-surface-muted mt-1 h-1.5 rounded"
        role="progressbar"
        aria-label="Time used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(100 - (100 * left) / totalMs)}
      >
        <div
          className="bg-accent h-full rounded"
          style={{ width: `${100 - (100 * left) / totalMs}%` }}
        />
      </div>
    </div>
  );
}
