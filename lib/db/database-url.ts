import "server-only";

import path from "node:path";

/** The SQLite file a `file:` DATABASE_URL names, resolved from the app root. */
export function sqlitePathFromUrl(url: string, root = process.cwd()): string {
  const file = url.slice("file:".length);
  if (file === ":memory:") return file;
  return path.resolve(root, file);
}
