/** The look of text inputs and primary buttons across the app's forms. */
export const inputClass =
  "mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-ink";
export const buttonClass =
  "rounded-lg bg-accent px-5 py-2 font-semibold text-on-accent hover:bg-accent-strong disabled:opacity-60";
