"use client";

import { useCallback, useEffect } from "react";

import { useSession } from "@/components/session-provider";

/**
 * Runs `load` once the session is open, and again on `reload()`. `load`
 * fetches, then returns the state change to make, so a screen that has gone
 * by the time the answer arrives changes nothing.
 */
export function useSessionLoad(load: () => Promise<() => void>) {
  const { state } = useSession();

  useEffect(() => {
    if (state.status !== "ready") return;
    let live = true;
    void load().then((apply) => {
      if (live) apply();
    });
    return () => {
      live = false;
    };
  }, [state.status, load]);

  return useCallback(() => void load().then((apply) => apply()), [load]);
}
