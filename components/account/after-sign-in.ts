/**
 * Where to go after signing in: the page that sent the visitor here, when it
 * is a path on this site, or their progress. Anything else ("//evil.example",
 * "/\evil.example", "https://…") would send a fresh sign-in to another origin.
 */
export function afterSignIn(callbackUrl: string | null): string {
  const local = callbackUrl?.startsWith("/") && !/^\/[/\\]/.test(callbackUrl);
  return local ? callbackUrl! : "/progress";
}
