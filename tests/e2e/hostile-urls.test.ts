import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  EMBEDDED_COUNT,
  countOf,
  launchBrowser,
  openAppPage,
  pageAnswers,
  waitForMapIdle,
} from './browser';
import type { HostileServer } from './fixtures/hostile-servers';
import { startHostileServer } from './fixtures/hostile-servers';

const baseURL = inject('baseURL');
/** Where the app reads other default limits for this browser (src/state/load-limits.ts). */
const LOAD_LIMITS_KEY = 'durand-line-map:load-limits';
const MB = 1024 * 1024;
const FALLBACK = 'Showing the embedded incidents instead.';

let browser: Browser;
let server: HostileServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startHostileServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** Opens the app on `?data=` of the hostile server's `path`, with these limits set beforehand. */
async function openLink(
  path: string,
  limits: { maxMegabytes?: number; stallSeconds?: number } = {},
  query = '',
) {
  const url = `${baseURL}?${query}data=${encodeURIComponent(server.url(path))}`;
  return openAppPage(browser, url, async (page) => {
    await page.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [LOAD_LIMITS_KEY, JSON.stringify(limits)],
    );
  });
}

/**
 * Waits until `text` shows on the page, checking all along that the page answers (HANG_MS).
 * Returns the text of the alert (message) that holds it.
 */
async function waitForMessage(page: Page, text: string): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: text });
  for (let look = 0; look < 300; look++) {
    expect(await pageAnswers(page)).toBe(true);
    if ((await alert.count()) > 0) return (await alert.first().textContent()) ?? '';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`"${text}" never showed`);
}

/** The embedded incidents are on the map and in the count, and the page still answers. */
async function expectEmbeddedShown(page: Page) {
  await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
  await waitForMapIdle(page);
  expect(await pageAnswers(page)).toBe(true);
}

describe('Hostile data URLs', () => {
  it('stops a body over the size limit, keeps the embedded incidents, and loads it with a higher limit', async () => {
    const bytes = 1.5 * MB;
    const { page, pageErrors } = await openLink(`/big.csv?bytes=${bytes}`, { maxMegabytes: 1 });
    const message = await waitForMessage(page, 'larger than the 1 MB limit');
    expect(message).toContain(
      'larger than the 1 MB limit for data read from a link, so reading stopped there; ' +
        'if you expect data this large, choose "Load again with a higher limit".',
    );
    expect(message).toMatch(/Still showing embedded [^.]* dataset\./);
    await expectEmbeddedShown(page);

    await page.getByRole('button', { name: 'Load again with a higher limit (2 MB)' }).click();
    await expect.poll(() => countOf(page), { timeout: 30_000 }).toBeGreaterThan(EMBEDDED_COUNT);
    expect(await pageAnswers(page)).toBe(true);
    expect(new URL(page.url()).searchParams.get('data')).toBe(
      server.url(`/big.csv?bytes=${bytes}`),
    );
    expect(pageErrors).toEqual([]);
  });

  it('stops a gzip bomb once it unpacks beyond the limit, counting the bytes as they unpack', async () => {
    const { page, pageErrors } = await openLink(`/bomb.csv?bytes=${64 * MB}`, { maxMegabytes: 1 });
    const message = await waitForMessage(page, 'unpacks to more than the 1 MB limit');
    expect(message).toContain(
      'sent compressed, it unpacks to more than the 1 MB limit, so reading stopped there',
    );
    expect(
      await page.getByRole('button', { name: /^Load again with a higher limit/ }).count(),
    ).toBe(1);
    await expectEmbeddedShown(page);
    expect(pageErrors).toEqual([]);
  });

  it('stops a server that drips a byte every half second after the stall timeout', async () => {
    const { page, pageErrors } = await openLink('/drip.csv?ms=500', { stallSeconds: 1 });
    const message = await waitForMessage(page, 'the server stalled');
    expect(message).toContain('the server stalled: no data for 1 s (less than 1 KB came)');
    expect(message).toContain(FALLBACK);
    await expectEmbeddedShown(page);
    expect(pageErrors).toEqual([]);
  });

  it('names an SVG image as not data instead of reading it as a table', async () => {
    const { page, pageErrors } = await openLink('/image.svg');
    const message = await waitForMessage(page, 'SVG image');
    expect(message).toContain(
      'The file is an SVG image, not data this app reads (GeoJSON, CSV, XLSX or KML)',
    );
    expect(message).toContain(FALLBACK);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expectEmbeddedShown(page);
    expect(pageErrors).toEqual([]);
  });

  it('Cancel in the column dialog brings back the embedded incidents under the link’s filters', async () => {
    const filters = 'from=2025-10-15&';
    const plain = await openAppPage(browser, `${baseURL}?${filters}`);
    await waitForMapIdle(plain.page);
    await expect.poll(() => countOf(plain.page)).toBeGreaterThan(0);
    const expected = await plain.page.getByTestId('incident-count').textContent();
    expect(await countOf(plain.page)).toBeLessThan(EMBEDDED_COUNT);

    const { page, pageErrors } = await openLink('/columns.csv', {}, filters);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await pageAnswers(page)).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await waitForMessage(page, 'No columns were chosen');
    await expect.poll(() => page.getByTestId('incident-count').textContent()).toBe(expected);
    await waitForMapIdle(page);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2025-10-15');
    expect(await pageAnswers(page)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
