import { describe, expect, it } from "vitest";

import { describeDatabaseUrl, dialectOfUrl } from "@/lib/db/database-url";

describe("describeDatabaseUrl", () => {
  it("names the SQLite file resolved from the app root", () => {
    expect(describeDatabaseUrl("file:data/certdrill.sqlite")).toBe(
      `${process.cwd()}/data/certdrill.sqlite`,
    );
  });

  it("names the PostgreSQL host, port and database but never the password", () => {
    const described = describeDatabaseUrl(
      "postgresql://app:s3cret@db.internal:6432/certdrill?sslmode=require",
    );

    expect(described).toBe("postgres db.internal:6432/certdrill");
    expect(described).not.toMatch(/s3cret|app/);
  });

  it("falls back to PostgreSQL's default port", () => {
    expect(describeDatabaseUrl("postgres://localhost/test")).toBe(
      "postgres localhost:5432/test",
    );
  });
});

describe("dialectOfUrl", () => {
  it("tells SQLite from PostgreSQL by the scheme", () => {
    expect(dialectOfUrl("file:x.sqlite")).toBe("sqlite");
    expect(dialectOfUrl("postgres://h/d")).toBe("postgres");
    expect(dialectOfUrl("postgresql://h/d")).toBe("postgres");
    expect(() => dialectOfUrl("mysql://h/d")).toThrow();
  });
});
