// The JavaScript a visitor downloads to see the sign-in page, gzipped: budget 250 KB.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, newPage, VIEWPORTS } from './support/browser';

const BUDGET = 250 * 1024;
const dist = fileURLToPath(new URL('../dist', import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('the sign-in page loads at most 250 KB of gzipped JavaScript', async () => {
  const { context, page } = await newPage(browser, VIEWPORTS[0]);
  const scripts: string[] = [];
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path);
  });
  await page.goto('/login');
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  const gzipped = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(dist + path)).length, 0);
  console.log(`sign-in page: ${scripts.length} scripts, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  expect(gzipped).toBeLessThanOrEqual(BUDGET);
  // The professional space is not part of it.
  expect(scripts.some((s) => s.includes('ProfessionalSpace'))).toBe(false);
  await context.close();
});
