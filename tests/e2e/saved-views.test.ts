import { readFile } from 'node:fs/promises';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  countOf,
  EMBEDDED_COUNT,
  launchBrowser,
  openEmbeddedApp,
  saveScreenshot,
  waitForMapIdle,
} from './browser';

const baseURL = inject('baseURL');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function paramsOf(page: Page): URLSearchParams {
  return new URLSearchParams(new URL(page.url()).search);
}

/** The address's parameters, sorted: what a permalink carries, whatever their order. */
function addressOf(page: Page): string {
  const params = paramsOf(page);
  params.sort();
  return params.toString();
}

function savedView(page: Page, name: string) {
  return page
    .getByRole('list', { name: 'Saved views' })
    .getByRole('listitem')
    .filter({ hasText: name });
}

const details = (page: Page) => page.getByRole('complementary', { name: 'Incident details' });

/** Sets every filter, the map and the details back to where a fresh page starts. */
async function resetPage(page: Page) {
  await page.getByRole('button', { name: 'Reset filters' }).click();
  if (await details(page).isVisible())
    await page.getByRole('button', { name: 'Close details' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
  // The address follows filter changes at most every 500 ms.
  await expect
    .poll(() => ['from', 'types', 'incident'].some((p) => paramsOf(page).has(p)))
    .toBe(false);
  await waitForMapIdle(page);
}

/** Opens the view called `name` and checks that the count and the address are the saved ones. */
async function expectViewOpens(
  page: Page,
  name: string,
  saved: { count: number; address: string },
) {
  await savedView(page, name).getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => countOf(page)).toBe(saved.count);
  await expect.poll(() => addressOf(page)).toBe(saved.address);
  await expect.poll(() => details(page).isVisible()).toBe(true);
  await waitForMapIdle(page);
  // The camera is where the view had it, and settling there leaves the address as it was.
  const [lat, lon, zoom] = new URLSearchParams(saved.address).get('view')!.split(',').map(Number);
  const camera = await page.evaluate(() => {
    const map = (window as unknown as { durandMap: MapLibreMap }).durandMap;
    return { ...map.getCenter(), zoom: map.getZoom() };
  });
  expect(camera.lat).toBeCloseTo(lat!, 3);
  expect(camera.lng).toBeCloseTo(lon!, 3);
  expect(camera.zoom).toBeCloseTo(zoom!, 1);
  expect(addressOf(page)).toBe(saved.address);
  await saveScreenshot(page, 'saved-view-opened.png');
}

describe('Saved views', () => {
  it('Save view keeps the filters, map view and open incident; Open brings them back, after a reload too', async () => {
    const { page } = await openEmbeddedApp(browser, baseURL);
    // Narrow the filters, open an incident from the list (the map flies to it).
    await page.getByLabel('From date').fill('2025-10-01');
    await page.getByRole('checkbox', { name: /^Airstrike/ }).uncheck();
    await expect.poll(() => countOf(page)).toBeLessThan(EMBEDDED_COUNT);
    await page.getByRole('listbox', { name: 'Incidents' }).getByRole('option').first().click();
    await expect.poll(() => details(page).isVisible()).toBe(true);
    await waitForMapIdle(page);
    await expect
      .poll(() => ['from', 'types', 'view', 'incident'].every((p) => paramsOf(page).has(p)))
      .toBe(true);
    const saved = { count: await countOf(page), address: addressOf(page) };

    await page.getByRole('textbox', { name: 'View name' }).fill('October, no airstrikes');
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => savedView(page, 'October, no airstrikes').count()).toBe(1);

    await resetPage(page);
    expect(addressOf(page)).not.toContain('from=');
    await expectViewOpens(page, 'October, no airstrikes', saved);

    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => savedView(page, 'October, no airstrikes').count()).toBe(1);
    await resetPage(page);
    await expectViewOpens(page, 'October, no airstrikes', saved);
  });

  it('a view saved in one tab appears in the other', async () => {
    const { page, context } = await openEmbeddedApp(browser, baseURL);
    const other = await context.newPage();
    await other.goto(baseURL);
    await expect.poll(() => other.getByText('No saved views yet').count()).toBe(1);
    await page.getByRole('checkbox', { name: /^Airstrike/ }).uncheck();
    await page.getByRole('textbox', { name: 'View name' }).fill('From the first tab');
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => savedView(other, 'From the first tab').count()).toBe(1);
  });

  it('views go out as a file and come back from it', async () => {
    const { page } = await openEmbeddedApp(browser, baseURL);
    await page.getByRole('checkbox', { name: /^Airstrike/ }).uncheck();
    await page.getByRole('textbox', { name: 'View name' }).fill('No airstrikes');
    await page.getByRole('button', { name: 'Save view' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export views' }).click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(text).views).toEqual([
      expect.objectContaining({ name: 'No airstrikes', query: expect.stringContaining('types=') }),
    ]);
    await savedView(page, 'No airstrikes').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => savedView(page, 'No airstrikes').count()).toBe(0);

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import views…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'views.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect.poll(() => savedView(page, 'No airstrikes').count()).toBe(1);
  });
});
