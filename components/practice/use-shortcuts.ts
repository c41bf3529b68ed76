"use client";

import { useEffect, useRef } from "react";

export type Shortcuts = Record<string, () => void>;

/**
 * Keyboard shortcuts for the practice and exam screens, built when a key is
 * pressed so they always act on the latest state. A letter is named "b", or
 * "Shift+B" when Shift is held (Caps Lock alone changes nothing): plain
 * letters choose options, so the actions that are not choices (bookmark,
 * flag) take Shift and never hide an option's letter. Keys typed into a form
 * field, or pressed with Ctrl, Alt or Meta, are left alone; so is Enter on a
 * button or link, which already does what it says.
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

      const action = latest.current()[shortcutName(event)];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}

/** How a key press is looked up: "b", "Shift+B", "Enter", "?". */
export function shortcutName(event: { key: string; shiftKey: boolean }) {
  if (!/^[a-z]$/i.test(event.key)) return event.key;
  const letter = event.key.toLowerCase();
  return event.shiftKey ? `Shift+${letter.toUpperCase()}` : letter;
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
