// Accessibility checks a screen must pass: axe-core (no critical or serious violation), in
// either colour scheme, nothing wider than a phone's screen, and a control entirely on it.
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

interface Violation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: string; html: string; summary: string | undefined }[];
}

/** axe-core on the page as it is now; fails listing each critical or serious violation. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // Popovers and modals fade in: contrast is measured once they are opaque.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5000 }).catch(() => {});
  const violations: Violation[] = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 300), summary: n.failureSummary })),
      }));
  });
  expect(violations, `axe on ${what}`).toEqual([]);
}

/** The system's colour scheme, which the app follows; resolves once the app has switched. */
export async function setColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((s) => document.documentElement.getAttribute('data-mantine-color-scheme') === s, scheme);
}

/** No sideways scrolling: the page is no wider than the screen. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const [scroll, width] = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return [el.scrollWidth, el.clientWidth];
  });
  expect(scroll, `width of ${what}`).toBeLessThanOrEqual(width);
}

/** axe and the page's width, in light then dark, back to light. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await setColorScheme(page, scheme);
    await expectNoAxeViolations(page, `${what} (${scheme})`);
    await expectNoSidewaysScroll(page, `${what} (${scheme})`);
  }
  await setColorScheme(page, 'light');
}

/** Entirely on screen as the page is now (no sideways swipe, no scroll to reach it). */
export async function expectInViewport(page: Page, target: Locator, what: string): Promise<void> {
  const viewport = page.viewportSize();
  const box = await target.boundingBox();
  expect(box, `${what} is shown`).not.toBeNull();
  if (!viewport || !box) return;
  expect(box.x, `left edge of ${what}`).toBeGreaterThanOrEqual(0);
  expect(box.y, `top edge of ${what}`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `right edge of ${what}`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `bottom edge of ${what}`).toBeLessThanOrEqual(viewport.height);
}
