import { describe, expect, it } from "vitest";

import { addressFromForwardedFor } from "@/lib/http/client-address";

describe("addressFromForwardedFor", () => {
  it("takes the peer our server appended when no proxy is trusted", () => {
    expect(addressFromForwardedFor("198.51.100.9, 203.0.113.7", 0)).toBe(
      "203.0.113.7",
    );
  });

  it("counts trusted proxy hops from the right, ignoring what the client claimed", () => {
    const header = " 198.51.100.9 , 203.0.113.7 , 127.0.0.1 ";

    expect(addressFromForwardedFor(header, 1)).toBe("203.0.113.7");
    expect(addressFromForwardedFor(header, 2)).toBe("198.51.100.9");
  });

  it("takes the leftmost entry when a request skipped a trusted proxy", () => {
    expect(addressFromForwardedFor("127.0.0.1", 1)).toBe("127.0.0.1");
  });

  it("says unknown when there is no address at all", () => {
    expect(addressFromForwardedFor(" , ", 0)).toBe("unknown");
    expect(addressFromForwardedFor(null, 0)).toBe("unknown");
  });
});
