import "server-only";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * The page a gated path answers with when it will not show itself: plain
 * HTML with no script, so it needs no hash in the path's script policy, and
 * the status says why (403 for another role, 503 when sessions cannot be
 * checked).
 */
export function refusalPage(status: number, message: string): Response {
  const heading =
    status === 403 ? "Not allowed" : "This page cannot be shown right now";
  const text = message.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading} · certdrill</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>${heading}</h1>
<p>${text}</p>
<p><a href="/">Back to the questions</a> · <a href="/sign-in">Sign in with another account</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
    },
  });
}
