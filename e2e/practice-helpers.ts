import { expect, type Page } from "@playwright/test";

/**
 * Chooses options of the question on screen by keyboard: the first one for
 * multiple choice, the first N for "Choose N". Returns how many it chose.
 */
export async function chooseByKeyboard(
  page: Page,
  scope = page.locator("body"),
) {
  const legend = scope.locator("legend").first();
  await expect(legend).toHaveText(/Choose (one answer|\d)/);
  const text = (await legend.textContent()) ?? "";
  const count = Number(/Choose (\d)/.exec(text)?.[1] ?? 1);
  for (let key = 1; key <= count; key++) await page.keyboard.press(String(key));
  return count;
}

/** Fails when any of the bodies carries part of an answer key. */
export function expectNoAnswerKey(bodies: string[]) {
  for (const body of bodies) {
    expect(body).not.toContain("winningLogicHtml");
    expect(body).not.toContain("quickInsightHtml");
    expect(body).not.toMatch(/"answer"\s*:/);
    expect(body).not.toContain("Why it wins");
  }
}

/** Collects the text of every response the page receives from now on. */
export function recordResponses(page: Page) {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/json|html|x-component/.test(type))
      bodies.push(response.text().catch(() => ""));
  });
  return () => Promise.all(bodies);
}
