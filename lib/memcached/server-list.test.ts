import { describe, expect, it } from "vitest";

import { parseServerList } from "@/lib/memcached/server-list";

describe("parseServerList", () => {
  it("reads an ElastiCache-style list of node endpoints", () => {
    const result = parseServerList(
      "demo.abc123.0001.use1.cache.amazonaws.com:11211, demo.abc123.0002.use1.cache.amazonaws.com:11211",
    );

    expect(result).toEqual({
      ok: true,
      servers: [
        { host: "demo.abc123.0001.use1.cache.amazonaws.com", port: 11211 },
        { host: "demo.abc123.0002.use1.cache.amazonaws.com", port: 11211 },
      ],
    });
  });

  it("accepts a bracketed IPv6 address", () => {
    expect(parseServerList("[::1]:11211")).toEqual({
      ok: true,
      servers: [{ host: "[::1]", port: 11211 }],
    });
  });

  it("names the entry that has no port", () => {
    expect(parseServerList("127.0.0.1:11211,cache.local")).toEqual({
      ok: false,
      message: '"cache.local" is not host:port (for example 127.0.0.1:11211)',
    });
  });

  it("refuses a port outside 1 to 65535", () => {
    expect(parseServerList("127.0.0.1:70000").ok).toBe(false);
  });

  it("refuses an empty list", () => {
    expect(parseServerList(" , ")).toEqual({
      ok: false,
      message: "expected at least one host:port",
    });
  });
});
