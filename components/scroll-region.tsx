/**
 * A wide table's frame on a narrow screen: it scrolls sideways, and it can
 * take focus so that keyboard users can scroll it too.
 */
export function ScrollRegion({
  label,
  children,
}: {
  label: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto"
    >
      {children}
    </div>
  );
}
