import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { stage } from './stage';

// Debian's Chromium; the flags keep it off a network this machine does not have.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Viewport {
  name: 'desktop' | 'phone';
  width: number;
  height: number;
}

export const VIEWPORTS: Viewport[] = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
];

/** The sizes the screens are checked at: a laptop, and a phone held upright. */
export const DESKTOP: Viewport = { name: 'desktop', width: 1440, height: 900 };
export const PHONE: Viewport = { name: 'phone', width: 390, height: 844 };

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of the page: a test ends by expecting none. */
  errors: Error[];
}

/** A fresh browser context (no session) on server A, or on the server `baseURL` names. */
export async function newPage(browser: Browser, viewport: Viewport, { baseURL = stage().baseUrl }: { baseURL?: string } = {}): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.name === 'phone',
    hasTouch: viewport.name === 'phone',
    locale: 'fr-FR',
    // Not the studio's zone: times must follow the studio (Europe/Paris), never the browser.
    timezoneId: 'America/New_York',
    colorScheme: 'light',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  // Console errors too (a CSP refusal, a React warning), except the browser's own line for
  // an HTTP error answer, which the flows provoke on purpose (401, 409, 410).
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(new Error(m.text()));
  });
  return { context, page, errors };
}

/** A new context signed in through the sign-in page as `email` (the demo password unless given), on its space's home. */
export async function signIn(browser: Browser, email: string, viewport: Viewport, { baseURL, password }: { baseURL?: string; password?: string } = {}): Promise<Session> {
  const session = await newPage(browser, viewport, { baseURL });
  await session.page.goto('/login');
  await field(session.page, 'email').fill(email);
  await field(session.page, 'password').fill(password ?? inject('demoPassword'));
  await session.page.getByRole('button', { name: 'Se connecter' }).click();
  await session.page.waitForURL(/\/(pro|client)$/);
  return session;
}

const shots = fileURLToPath(new URL('../screenshots', import.meta.url));

export async function screenshot(page: Page, name: string, viewport: Viewport): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(shots, `${name}-${viewport.name}.png`), fullPage: true });
}

export function field(page: Page, name: string) {
  return page.locator(`input[name="${name}"], textarea[name="${name}"]`);
}

/**
 * Every visible form control has a label (keyboard and screen-reader users need it). A
 * control hidden from both (an autosize textarea's measuring copy: aria-hidden, tabindex -1)
 * is nobody's to label.
 */
export async function expectLabelledFields(page: Page): Promise<void> {
  const unlabelled = await page.$$eval('input:not([type=hidden]), textarea, select', (els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => !(el.getAttribute('aria-hidden') === 'true' && el.getAttribute('tabindex') === '-1'))
      .filter((el) => {
        const input = el as HTMLInputElement;
        return (input.labels?.length ?? 0) === 0 && !input.getAttribute('aria-label') && !input.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unlabelled).toEqual([]);
}

/** Professional navigation: the sidebar on a wide screen, the burger menu on a phone. */
export async function openSection(page: Page, viewport: Viewport, label: string): Promise<void> {
  if (viewport.name === 'phone') await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('navigation').getByRole('link', { name: label }).click();
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.declic.test`;
}

/** The FR/EN switch in the page header. */
export async function switchLanguage(page: Page, lang: 'FR' | 'EN'): Promise<void> {
  await page.getByText(lang, { exact: true }).click();
}

/**
 * A section of the client space (its navigation links): the tabs under the studio's name on
 * a wide screen, the bottom bar on a phone, whose labels are short ("Mes projets" → "Projets").
 */
export function clientSection(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}
