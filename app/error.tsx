"use client";

export default function ErrorPage({
  reset,
}: {
  error: Error;
  reset: () => void;
}) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p>The page could not be shown. Nothing you had saved was lost.</p>
      <button
        type="button"
        onClick={reset}
        className="bg-accent text-on-accent hover:bg-accent-strong rounded px-4 py-2"
      >
        Try again
      </button>
    </div>
  );
}
