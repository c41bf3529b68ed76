import { describe, expect, it } from "vitest";

import { renderMarkdown } from "@/lib/content/markdown";

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[link](javascript:alert(1))",
  "[link](JaVaScRiPt:alert(1))",
  "![img](javascript:alert(1))",
  "<iframe src=https://example.com></iframe>",
  '<a href="javascript:alert(1)">x</a>',
  "<svg onload=alert(1)></svg>",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<form action=https://evil.example><input name=q></form>",
  "```bash\n</code></pre><script>alert(1)</script>\n```",
];

describe("renderMarkdown", () => {
  it.each(HOSTILE)("leaves nothing executable from %s", (markdown) => {
    const html = renderMarkdown(markdown);

    expect(html).not.toMatch(
      /<script|<iframe|<svg|<form|<input|\son\w+=|javascript:|data:text/i,
    );
  });

  it("keeps the Markdown an author means", () => {
    const html = renderMarkdown(
      "Use **SQS** with `ReceiveMessage`.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- one\n- two\n\n[docs](https://docs.aws.amazon.com/)",
    );

    expect(html).toContain("<strong>SQS</strong>");
    expect(html).toContain("<code>ReceiveMessage</code>");
    expect(html).toContain("<table>");
    expect(html).toContain("<li>two</li>");
    expect(html).toContain('<a href="https://docs.aws.amazon.com/">docs</a>');
  });

  it("highlights code in a supported language and escapes it", () => {
    const html = renderMarkdown('```json\n{"a": "<b>"}\n```');

    expect(html).toContain('<pre class="shiki github-light-high-contrast"');
    expect(html).toContain("&#x3C;b>");
    expect(html).not.toContain("<b>");
  });

  it("shows code in an unknown language as plain text", () => {
    const html = renderMarkdown("```cobol\nDISPLAY 'HI'.\n```");

    expect(html).toContain("DISPLAY 'HI'.");
  });
});
