import { describe, expect, it } from "vitest";

import {
  checkPassword,
  normalizePassword,
  PASSWORD_MAX,
  PASSWORD_MIN,
} from "@/lib/accounts/password-policy";

const EMAIL = "alice.walker@example.com";

/** 140 code points of varied words, so slices of it repeat nothing. */
const LONG_TEXT =
  "otters juggle brass lanterns while a patient heron counts plums beside " +
  "the quiet canal, and nobody minds the faint smell of toasted cumin";

function problemCode(password: string, email?: string) {
  return checkPassword(password, { email })?.code ?? null;
}

describe("checkPassword length", () => {
  it("sets the limits to 15 and 128 code points", () => {
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([15, 128]);
  });

  it("refuses a password of 14 code points", () => {
    expect(problemCode("amber kite mug")).toBe("too-short");
  });

  it("accepts a passphrase of 15 code points", () => {
    expect(checkPassword("amber kite mugs", {})).toBeNull();
  });

  it("says how long the password must be and how to get there", () => {
    expect(checkPassword("amber kite mug", {})?.message).toBe(
      "Use at least 15 characters; a few unrelated words make a long password that is easy to remember.",
    );
  });

  it("counts each emoji as one character, not two UTF-16 units", () => {
    const fifteen = "🦊🌵🎻🚲🍋🧭🪁🐙🌋🎲🧲🍄🛶🦉🪴";

    expect(fifteen).toHaveLength(30);
    expect(problemCode(fifteen.slice(0, 28))).toBe("too-short");
    expect(checkPassword(fifteen, {})).toBeNull();
  });

  it("counts characters after NFKC joins accents to their letters", () => {
    const decomposed = "re\u0301sume\u0301 de\u0301ja\u0300 vu";

    expect(Array.from(decomposed)).toHaveLength(18);
    expect(problemCode(decomposed)).toBe("too-short");
  });

  it("accepts 128 code points and refuses 129", () => {
    expect(checkPassword(LONG_TEXT.slice(0, 128), {})).toBeNull();
    expect(problemCode(LONG_TEXT.slice(0, 129))).toBe("too-long");
  });

  it("imposes no composition rules on a long lower-case passphrase", () => {
    expect(checkPassword("pickled radish on a tin roof", {})).toBeNull();
  });
});

describe("normalizePassword", () => {
  it("turns full-width letters into ordinary ones", () => {
    expect(normalizePassword("ｃｅｒｔ ｄｒｉｌｌ")).toBe("cert drill");
  });

  it("joins a letter and its combining accent into one code point", () => {
    expect(normalizePassword("e\u0301")).toBe("\u00e9");
  });
});

describe("checkPassword blocklist", () => {
  it("refuses long passwords from the zxcvbn list of common passwords", () => {
    expect(problemCode("passwordstandard")).toBe("common");
    expect(problemCode("1qaz2wsx3edc4rfv")).toBe("common");
  });

  it("compares with the list regardless of letter case", () => {
    expect(problemCode("PasswordStandard")).toBe("common");
  });

  it("compares the NFKC form, so full-width letters do not slip through", () => {
    expect(problemCode("ｐａｓｓｗｏｒｄｓｔａｎｄａｒｄ")).toBe("common");
  });

  it("reports a short common password as too short first", () => {
    expect(problemCode("password")).toBe("too-short");
  });

  it("asks for a different password when it is a common one", () => {
    expect(checkPassword("passwordstandard", {})?.message).toBe(
      "This password is on lists of commonly used passwords, so choose a different one.",
    );
  });
});

describe("checkPassword context", () => {
  it("refuses the user's email address in any letter case", () => {
    expect(problemCode(EMAIL, EMAIL)).toBe("contains-email");
    expect(problemCode(EMAIL.toUpperCase(), EMAIL)).toBe("contains-email");
  });

  it("refuses the email's local part padded with a year and a symbol", () => {
    expect(problemCode("Alice.Walker2024!", EMAIL)).toBe("contains-email");
  });

  it("accepts a passphrase that mentions the name among other words", () => {
    expect(
      checkPassword("alice walker plays the oboe at dawn", { email: EMAIL }),
    ).toBeNull();
  });

  it("refuses the site's name, even in look-alike spellings", () => {
    const message = /CertDrill/;

    expect(checkPassword("CertDrill-2025-ok!", {})?.message).toMatch(message);
    expect(checkPassword("c3rtdr1ll c3rtdr1ll", {})?.message).toMatch(message);
  });

  it("refuses the site's name with too few other words around it", () => {
    expect(problemCode("my certdrill password")).toBe("predictable");
    expect(checkPassword("certdrill is where I study for AWS", {})).toBeNull();
  });
});

describe("checkPassword patterns", () => {
  const repeats = /Avoid repeats and runs/;

  it("refuses one character repeated", () => {
    expect(checkPassword("aaaaaaaaaaaaaaaa", {})?.message).toMatch(repeats);
    expect(checkPassword("🦊".repeat(16), {})?.message).toMatch(repeats);
  });

  it("refuses runs of digits or letters, wrapping or backwards", () => {
    expect(checkPassword("1234567890123456", {})?.message).toMatch(repeats);
    expect(checkPassword("zyxwvutsrqponmlk", {})?.message).toMatch(repeats);
  });

  it("refuses a unit repeated, even when the last copy is cut short", () => {
    expect(checkPassword("abcabcabcabcabcab", {})?.message).toMatch(repeats);
    expect(checkPassword("horse battery horse battery", {})?.code).toBe(
      "predictable",
    );
  });

  it("refuses a keyboard walk that zxcvbn scores as easy to guess", () => {
    expect(checkPassword("qwertyuiopasdfgh", {})?.message).toMatch(
      /keyboard row/,
    );
  });

  it("suggests unrelated words after a pattern is refused", () => {
    expect(checkPassword("qwertyuiopasdfgh", {})?.message).toMatch(
      /unrelated word/,
    );
  });
});
