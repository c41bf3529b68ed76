import "server-only";

import path from "node:path";

export type Dialect = "sqlite" | "postgres";

/** Which store a DATABASE_URL names; env validation refuses anything else. */
export function dialectOfUrl(url: string): Dialect {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error("DATABASE_URL names neither file: nor postgres://");
}

/** The SQLite file a `file:` DATABASE_URL names, resolved from the app root. */
export function sqlitePathFromUrl(url: string, root = process.cwd()): string {
  const file = url.slice("file:".length);
  if (file === ":memory:") return file;
  return path.resolve(root, file);
}

/**
 * Where the database is, for the log: the SQLite file, or the PostgreSQL
 * host, port and database. Never the user name or password.
 */
export function describeDatabaseUrl(url: string): string {
  if (dialectOfUrl(url) === "sqlite") return sqlitePathFromUrl(url);

  const parsed = new URL(url);
  const host =
    parsed.hostname || parsed.searchParams.get("host") || "localhost";
  const port = parsed.port || "5432";
  const database = decodeURIComponent(parsed.pathname.slice(1));
  return `postgres ${host}:${port}/${database}`;
}
