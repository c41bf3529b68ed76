"use client";

import { useEffect, useRef } from "react";

export type Shortcuts = Record<string, () => void>;

/**
 * Single-key shortcuts for the practice screens, built when a key is pressed
 * so they always act on the latest state. Keys typed into a form
 * field, or pressed with a modifier, are left alone; so is Enter on a button
 * or link, which already does what it says.
 */
export function useShortcuts(shortcuts: () => Shortcuts, enabled = true) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      const tag = target?.tagName ?? "";
      if (/^(TEXTAREA|SELECT)$/.test(tag)) return;
      if (
        tag === "INPUT" &&
        !/^(radio|checkbox)$/.test((target as HTMLInputElement).type)
      )
        return;
      if (event.key === "Enter" && /^(BUTTON|A|SUMMARY)$/.test(tag)) return;
      if (target?.closest("dialog")) return;

      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const action = latest.current()[key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}

/** The option at a display position for keys 1–6 and A–F. */
export function optionKeys(count: number, toggle: (index: number) => void) {
  const keys: Shortcuts = {};
  for (let index = 0; index < count; index++) {
    keys[String(index + 1)] = () => toggle(index);
    keys[String.fromCharCode(97 + index)] = () => toggle(index);
  }
  return keys;
}
