/** A failure told to the person who caused or suffers it, announced at once. */
export function ProblemMessage({ children }: { children: React.ReactNode }) {
  return (
    <p role="alert" className="bg-bad-soft text-bad-ink rounded px-3 py-2">
      {children}
    </p>
  );
}
