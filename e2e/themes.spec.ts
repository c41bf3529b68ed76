import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = [
  ["/", "All questions"],
  ["/drill", "Drill"],
  ["/exam", "Mock exam"],
  ["/review", "Review"],
  ["/progress", "Progress"],
] as const;

const SIZES = [
  ["phone", { width: 375, height: 740 }],
  ["desktop", { width: 1280, height: 900 }],
] as const;

for (const scheme of ["light", "dark"] as const) {
  for (const [size, viewport] of SIZES) {
    test(`every learner page passes axe in the ${scheme} theme on a ${size}, with nothing wider than the screen`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);

      for (const [path, title] of PAGES) {
        await page.goto(path);
        await expect(page.getByTestId("session-status")).toBeVisible();
        if (path === "/progress")
          await expect(
            page.getByRole("heading", { name: "Readiness" }),
          ).toBeVisible();
        if (path === "/review")
          await expect(
            page.getByRole("heading", { name: /due|Nothing/ }),
          ).toBeVisible();
        if (path === "/exam")
          await expect(
            page.getByRole("heading", { name: "Your results" }),
          ).toBeVisible();

        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations, `${title} (${path})`).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(
          overflow,
          `${title} (${path}) is wider than the screen`,
        ).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `test-results/screens/${scheme}-${size}${path === "/" ? "-home" : path.replace("/", "-")}.png`,
          fullPage: true,
        });
      }
    });
  }
}
