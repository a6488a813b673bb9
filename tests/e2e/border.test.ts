import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countOf, EMBEDDED_COUNT, launchBrowser, openAppPage, waitForMapIdle } from './browser';

const baseURL = inject('baseURL');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openApp(query = '') {
  const app = await openAppPage(browser, new URL(query, baseURL).href);
  await waitForMapIdle(app.page);
  await expect.poll(() => countOf(app.page)).toBeGreaterThan(0);
  // The border filters appear once the worker has measured the incidents.
  await expect
    .poll(() => app.page.getByRole('group', { name: 'Distance presets' }).count())
    .toBe(1);
  return app;
}

async function exportGeoJson(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export GeoJSON' }).click(),
  ]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    features: Array<{ id: string; properties: Record<string, unknown> }>;
  };
}

describe('Border analytics', () => {
  it('a distance band keeps only incidents near the line, and the address carries it', async () => {
    const { page } = await openApp();
    const all = await countOf(page);
    await page.getByRole('button', { name: '0–5 km' }).click();
    await expect.poll(() => countOf(page)).toBeLessThan(all);
    await expect.poll(() => new URL(page.url()).searchParams.get('distance')).toBe('0-5');
    await page.getByLabel('Include computed fields').check();
    const exported = await exportGeoJson(page);
    expect(exported.features.length).toBe(await countOf(page));
    for (const feature of exported.features) {
      expect(feature.properties.border_distance_km as number).toBeLessThanOrEqual(5);
    }
  });

  it('the side filter splits the incidents between the two sides', async () => {
    const { page } = await openApp();
    await page.getByLabel('Afghan side').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('side')).toBe('AF');
    const af = await countOf(page);
    await page.getByLabel('Pakistani side').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('side')).toBe('PK');
    const pk = await countOf(page);
    expect(af).toBeGreaterThan(0);
    expect(pk).toBeGreaterThan(0);
    expect(af + pk).toBeLessThanOrEqual(EMBEDDED_COUNT);
  });

  it('brushing a stretch of the border strip filters everything else', async () => {
    const { page } = await openApp();
    const all = await countOf(page);
    await page.getByText('Border strip: where along the line, and when').click();
    const plot = page.locator('.strip-panel canvas').first();
    await expect.poll(() => plot.isVisible()).toBe(true);
    const box = (await plot.boundingBox())!;
    // From about 1,100 km to 1,600 km: the Kurram–Khyber stretch where most incidents are.
    await page.mouse.move(box.x + box.width * 0.49, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.71, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('km'))
      .toMatch(/^\d+(\.\d+)?-\d+(\.\d+)?$/);
    const narrowed = await countOf(page);
    expect(narrowed).toBeLessThan(all);
    expect(narrowed).toBeGreaterThan(0);
    const list = page.getByRole('listbox', { name: 'Incidents' });
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(0);
  });

  it('exports exactly the loaded features unless computed fields are asked for', async () => {
    const { page } = await openApp('?types=airstrike');
    const plain = await exportGeoJson(page);
    const embedded = JSON.parse(
      await (await page.request.get(new URL('data/incidents.geojson', baseURL).href)).text(),
    ) as {
      features: Array<{ properties: { type: string } }>;
    };
    expect(plain.features).toEqual(
      embedded.features.filter((f) => f.properties.type === 'airstrike'),
    );

    await page.getByLabel('Include computed fields').check();
    const computed = await exportGeoJson(page);
    expect(computed.features.length).toBe(plain.features.length);
    for (const [i, feature] of computed.features.entries()) {
      const {
        border_side,
        border_distance_km,
        border_chainage_km,
        nearest_crossing,
        nearest_crossing_km,
        admin1_derived,
        ...rest
      } = feature.properties;
      expect(['AF', 'PK', null]).toContain(border_side);
      expect(typeof border_distance_km === 'number' || border_distance_km === null).toBe(true);
      void [border_chainage_km, nearest_crossing, nearest_crossing_km, admin1_derived];
      expect(rest).toEqual(plain.features[i]!.properties);
    }
  });
});
