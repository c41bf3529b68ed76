import { describe, expect, it } from "vitest";

import { EmailSchema } from "@/lib/accounts/email";

const MESSAGE = "Enter an email address like name@example.com.";

function messageFor(input: unknown) {
  const result = EmailSchema.safeParse(input);

  return result.success ? null : result.error.issues[0]?.message;
}

describe("EmailSchema", () => {
  it("trims and lower-cases the address", () => {
    expect(EmailSchema.parse("  Alice.Walker@Example.COM \n")).toBe(
      "alice.walker@example.com",
    );
  });

  it("accepts a subdomain and a plus tag", () => {
    expect(EmailSchema.parse("name+drills@mail.example.co.uk")).toBe(
      "name+drills@mail.example.co.uk",
    );
  });

  it.each([
    ["an empty string", ""],
    ["an address with no @", "name.example.com"],
    ["an address with two @", "name@host@example.com"],
    ["a domain without a dot", "name@localhost"],
    ["nothing before the @", "@example.com"],
    ["an empty label in the domain", "name@example..com"],
    ["a dot at the end of the domain", "name@example.com."],
    ["a space inside the address", "first last@example.com"],
  ])("rejects %s with the example message", (_, input) => {
    expect(messageFor(input)).toBe(MESSAGE);
  });

  it("accepts 254 characters and rejects 255", () => {
    const domain = "@example.com";
    const at254 = `${"a".repeat(254 - domain.length)}${domain}`;

    expect(EmailSchema.safeParse(at254).success).toBe(true);
    expect(messageFor(`a${at254}`)).toBe(MESSAGE);
  });

  it("counts the length after trimming", () => {
    const domain = "@example.com";
    const at254 = `${"a".repeat(254 - domain.length)}${domain}`;

    expect(EmailSchema.safeParse(`  ${at254}  `).success).toBe(true);
  });

  it("rejects a value that is not a string", () => {
    expect(messageFor(42)).toBe(MESSAGE);
  });
});
