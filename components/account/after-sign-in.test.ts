import { describe, expect, it } from "vitest";

import { afterSignIn } from "@/components/account/after-sign-in";

describe("afterSignIn", () => {
  it("goes back to the page on this site that asked for a sign-in", () => {
    expect(afterSignIn("/author/preview")).toBe("/author/preview");
    expect(afterSignIn("/instructor/cohort?id=x")).toBe(
      "/instructor/cohort?id=x",
    );
  });

  it("goes to the progress page when nothing, or another origin, is asked for", () => {
    for (const callbackUrl of [
      null,
      "",
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example/",
      "javascript:alert(1)",
    ])
      expect(afterSignIn(callbackUrl)).toBe("/progress");
  });
});
