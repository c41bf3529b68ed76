import { describe, expect, it } from "vitest";

import { optionKeys, shortcutName } from "@/components/practice/use-shortcuts";

describe("shortcutName", () => {
  it("names a letter in lower case, and with Shift held as Shift and the capital", () => {
    expect(shortcutName({ key: "b", shiftKey: false })).toBe("b");
    expect(shortcutName({ key: "B", shiftKey: true })).toBe("Shift+B");
  });

  it("treats a capital typed with Caps Lock as the plain letter", () => {
    expect(shortcutName({ key: "F", shiftKey: false })).toBe("f");
  });

  it("leaves other keys as the browser names them, Shift or not", () => {
    expect(shortcutName({ key: "?", shiftKey: true })).toBe("?");
    expect(shortcutName({ key: "Enter", shiftKey: false })).toBe("Enter");
    expect(shortcutName({ key: "2", shiftKey: false })).toBe("2");
  });
});

describe("optionKeys", () => {
  it("chooses an option by its digit or by its letter, a sixth one by 6 or F", () => {
    const chosen: number[] = [];
    const keys = optionKeys(6, (index) => chosen.push(index));

    keys["f"]?.();
    keys["6"]?.();
    keys["b"]?.();
    keys["1"]?.();

    expect(chosen).toEqual([5, 5, 1, 0]);
    expect(keys["g"]).toBeUndefined();
  });
});
