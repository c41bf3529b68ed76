import { expect, type Page } from "@playwright/test";

/**
 * Chooses options of the question on screen by keyboard (digit keys): the
 * first one for multiple choice, the first N for "Choose N", unchoosing any
 * other option chosen before. Returns how many it chose.
 */
export async function chooseByKeyboard(
  page: Page,
  scope = page.locator("body"),
) {
  const legend = scope.locator("legend").first();
  await expect(legend).toHaveText(/Choose (one answer|\d)/);
  const text = (await legend.textContent()) ?? "";
  const count = Number(/Choose (\d)/.exec(text)?.[1] ?? 1);
  const inputs = scope.locator("fieldset").first().locator("input");
  const total = await inputs.count();
  for (let index = 0; index < total; index++) {
    const wanted = index < count;
    const input = inputs.nth(index);
    if (count === 1 && !wanted) continue;
    if ((await input.isChecked()) !== wanted)
      await page.keyboard.press(String(index + 1));
    await expect(input).toBeChecked({ checked: wanted });
  }
  return count;
}

/**
 * Presses an option's letter (a, b…) and expects the option shown at that
 * position to be chosen: on every screen a plain letter chooses, and never
 * bookmarks or flags.
 */
export async function expectLetterChooses(
  page: Page,
  letter: string,
  scope = page.locator("body"),
) {
  const index = letter.charCodeAt(0) - "a".charCodeAt(0);
  const option = scope.locator("fieldset").first().locator("input").nth(index);
  await expect(option).toBeVisible();
  await expect(option).not.toBeChecked();
  await page.keyboard.press(letter);
  await expect(option).toBeChecked();
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
