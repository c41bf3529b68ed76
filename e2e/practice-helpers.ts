import {
  expect,
  type APIRequestContext,
  type Page,
  type Response,
} from "@playwright/test";

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

/**
 * Fails when any of the bodies carries part of an answer key: its field
 * names, or any of the explanation's own phrases (see explanationPhrases).
 */
export function expectNoAnswerKey(bodies: string[], phrases: string[] = []) {
  for (const body of bodies) {
    expect(body).not.toContain("winningLogicHtml");
    expect(body).not.toContain("quickInsightHtml");
    expect(body).not.toMatch(/"answer"\s*:/);
    expect(body).not.toContain("Why it wins");
    for (const phrase of phrases) expect(body).not.toContain(phrase);
  }
}

/**
 * Collects the text of every HTML, JSON and RSC response the page receives
 * from now on; the returned function stops recording and hands them over.
 */
export function recordResponses(page: Page) {
  const bodies: Promise<string>[] = [];
  const listener = (response: Response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/json|html|x-component/.test(type))
      bodies.push(response.text().catch(() => ""));
  };
  page.on("response", listener);
  return () => {
    page.off("response", listener);
    return Promise.all(bodies);
  };
}

/**
 * A page as the server sends it: its HTML, and the RSC payload the client
 * router fetches when it navigates there.
 */
export async function pageAndRscBodies(
  request: APIRequestContext,
  path: string,
) {
  const html = await request.get(path);
  const rsc = await request.get(path, { headers: { RSC: "1" } });

  expect(html.status()).toBe(200);
  expect(rsc.status()).toBe(200);
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
  return [await html.text(), await rsc.text()];
}

type AnswerKey = {
  quickInsightHtml: string;
  winningLogicHtml: string;
  blueprintHtml: string;
  examVsRealWorldHtml: string;
  traps: { html: string }[];
};

/**
 * Presses Enter to check the question on screen and returns the key the
 * server answered with, the raw response, and the phrases of its
 * explanation, for looking for them in what was sent before.
 */
export async function checkAndReadKey(page: Page) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && /\/answer$/.test(r.url()),
  );
  await page.keyboard.press("Enter");
  const response = await answered;
  expect(response.status()).toBe(200);

  const raw = await response.text();
  const questionId = (
    response.request().postDataJSON() as { questionId: string }
  ).questionId;
  const question = (await (
    await page.request.get(`/api/questions/${questionId}`)
  ).json()) as PublicQuestion;
  const phrases = explanationPhrases(JSON.parse(raw) as AnswerKey, question);
  // Guards against a check that could never fail: each phrase is found in
  // the answer that reveals it, as it would be in a leak.
  expect(phrases.length).toBeGreaterThanOrEqual(3);
  for (const phrase of phrases) expect(raw).toContain(phrase);
  return { questionId, phrases };
}

type PublicQuestion = {
  scenarioHtml: string;
  requirementHtml: string;
  options: { html: string }[];
};

/**
 * One run of plain words from each section of an explanation, long enough
 * to be its own, and not found in the public question (a trap often quotes
 * its option). Runs stay inside one text node and hold no character that
 * HTML, JSON or RSC would escape, so a leaked key contains them verbatim.
 */
function explanationPhrases(key: AnswerKey, question: PublicQuestion) {
  const runsOf = (html: string) =>
    html
      .split(/<[^>]*>|&[#\w]+;/)
      .flatMap(
        (text) => text.match(/[A-Za-z0-9][A-Za-z0-9 ,.:()-]{39,}/g) ?? [],
      )
      .map((run) => run.slice(0, 40));
  const publicRuns = [
    question.scenarioHtml,
    question.requirementHtml,
    ...question.options.map((o) => o.html),
  ].join("\n");
  const sections = [
    key.quickInsightHtml,
    key.winningLogicHtml,
    key.blueprintHtml,
    key.examVsRealWorldHtml,
    ...key.traps.map((t) => t.html),
  ];

  return sections.flatMap((html) => {
    const phrase = runsOf(html).find((run) => !publicRuns.includes(run));
    return phrase ? [phrase] : [];
  });
}
