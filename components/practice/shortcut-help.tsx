"use client";

import { useEffect, useRef } from "react";

type Rows = [keys: string, action: string][];

// Letters without Shift always choose options, on every screen; the other
// actions take Shift so that no option's letter is ever taken (B, or F for
// a sixth option).
const CHOOSE: Rows[number] = [
  "1–5 or A–E",
  "choose or unchoose an option (6 or F for a sixth)",
];
const HELP: Rows[number] = ["?", "show or hide these shortcuts"];

/** The drill and review screens' shortcuts. */
export const PRACTICE_SHORTCUTS: Rows = [
  CHOOSE,
  ["Enter", "check the answer"],
  ["N", "next question"],
  ["Shift+F", "flag: see this question again in review"],
  ["Shift+B", "bookmark or unbookmark"],
  HELP,
];

/** The mock exam screen's shortcuts. */
export const EXAM_SHORTCUTS: Rows = [
  CHOOSE,
  ["N / P", "next / previous question"],
  ["Shift+F", "flag or unflag for your own review before submitting"],
  HELP,
];

/** The keyboard shortcuts, in a native modal dialog (Escape closes it). */
export function ShortcutHelp({
  open,
  onClose,
  rows = PRACTICE_SHORTCUTS,
}: {
  open: boolean;
  onClose: () => void;
  rows?: Rows;
}) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="shortcut-title"
      className="border-line bg-surface text-ink m-auto max-w-md rounded-xl border p-6 backdrop:bg-black/40"
    >
      <h2 id="shortcut-title" className="mb-3 text-lg font-bold">
        Keyboard shortcuts
      </h2>
      <table className="w-full text-left text-sm">
        <tbody>
          {rows.map(([keys, action]) => (
            <tr key={keys} className="border-line border-t">
              <th scope="row" className="py-1.5 pr-4 font-mono font-semibold">
                {keys}
              </th>
              <td className="py-1.5">{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={onClose}
        className="bg-accent text-on-accent mt-4 rounded-lg px-4 py-2 font-semibold"
      >
        Close
      </button>
    </dialog>
  );
}
