import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { embeddedCount, launchBrowser, openAppPage, waitForMapIdle } from './browser';

/**
 * The README's screenshots, made with `npm run screenshots` (skipped in `npm test`): the
 * February–March 2026 window with the Kabul hospital strike open, in English and in Urdu.
 */
const baseURL = inject('baseURL');
const QUERY = '?from=2026-02-15&to=2026-03-20&incident=2026-03-16-kabul-omid-rehab-hospital-strike';
const IN_WINDOW = embeddedCount(
  (incident) => incident.date >= '2026-02-15' && incident.date <= '2026-03-20',
);
const SHOTS = [
  { lang: 'en', dir: 'ltr', file: 'screenshot.png' },
  { lang: 'ur', dir: 'rtl', file: 'screenshot-ur.png' },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.runIf(process.env.README_SCREENSHOTS === '1')('The README screenshots', () => {
  it.each(SHOTS)('show the dashboard in $lang', async ({ lang, dir, file }) => {
    const { page } = await openAppPage(
      browser,
      new URL(`${QUERY}&lang=${lang}`, baseURL).href,
      (page) => page.setViewportSize({ width: 1400, height: 850 }),
    );
    await waitForMapIdle(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    await expect
      .poll(() => page.getByTestId('incident-count').textContent())
      .toMatch(new RegExp(`${IN_WINDOW}|${IN_WINDOW.toLocaleString('ur-PK')}`));
    await waitForMapIdle(page);
    await page.screenshot({
      path: fileURLToPath(new URL(`../../public/${file}`, import.meta.url)),
    });
  });
});
