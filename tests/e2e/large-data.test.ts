import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeType } from '../../src/domain/taxonomy';
import { launchBrowser, openAppPage, waitForMapIdle } from './browser';

const baseURL = inject('baseURL');
const AIRSTRIKE = rgb(describeType('airstrike').colour);

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** More incidents than the MapLibre layer handles well, so the map switches to the GPU layer. */
const SIZE = 100_500;

/** A synthetic collection: every incident an airstrike (red) inside a box near Khost, one IED. */
function makeLargeCollection(): string {
  const features: string[] = [];
  for (let i = 0; i < SIZE; i++) {
    const lon = 69.6 + (i % 250) * 0.002;
    const lat = 33.1 + Math.floor(i / 250) * 0.002;
    const day = 1 + (i % 28);
    const type = i === 0 ? 'ied' : 'airstrike';
    features.push(
      `{"type":"Feature","id":"SYN-${i}","geometry":{"type":"Point","coordinates":[${lon.toFixed(4)},${lat.toFixed(4)}]},"properties":{"date":"2025-10-${String(day).padStart(2, '0')}","type":"${type}","summary":"synthetic test incident"}}`,
    );
  }
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}

async function countOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('incident-count').textContent()) ?? '';
  return Number(/^\s*(\d+)/.exec(text)?.[1] ?? NaN);
}

/** Pixels of the map area close to the airstrike colour. */
async function redPixels(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.getByTestId('map').screenshot());
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (
      Math.abs(r - AIRSTRIKE[0]) < 40 &&
      Math.abs(g - AIRSTRIKE[1]) < 40 &&
      Math.abs(b - AIRSTRIKE[2]) < 40
    )
      count++;
  }
  return count;
}

describe('A large dataset', () => {
  it('is drawn on the GPU, filtered without reloading, and its points can be clicked', async () => {
    const { page, externalRequests, pageErrors, consoleErrors } = await openAppPage(
      browser,
      baseURL,
    );
    await waitForMapIdle(page);
    await expect.poll(() => countOf(page)).toBe(72);

    const text = makeLargeCollection();
    const handle = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'large.geojson', { type: 'application/geo+json' }));
      return transfer;
    }, text);
    await page.dispatchEvent('body', 'drop', { dataTransfer: handle });
    await expect.poll(() => countOf(page), { timeout: 60_000 }).toBe(SIZE);
    await waitForMapIdle(page, 60_000);

    // The points are on screen (red), though the MapLibre incident layer holds none of them.
    expect(await redPixels(page)).toBeGreaterThan(500);
    const maplibreDrawn = await page.evaluate(
      () =>
        (window as unknown as { durandMap: MapLibreMap }).durandMap.queryRenderedFeatures({
          layers: ['incidents-circles'],
        }).length,
    );
    expect(maplibreDrawn).toBe(0);

    // Unticking the type hides them: the filter runs in the shader.
    await page.getByRole('checkbox', { name: /^Airstrike/ }).uncheck();
    await expect.poll(() => countOf(page)).toBe(1);
    await waitForMapIdle(page, 60_000);
    expect(await redPixels(page)).toBeLessThan(50);

    // Ticking it again and narrowing the dates keeps only those days.
    await page.getByRole('checkbox', { name: /^Airstrike/ }).check();
    await page.getByLabel('From date').fill('2025-10-27');
    let lastTwoDays = 0;
    for (let i = 0; i < SIZE; i++) if (1 + (i % 28) >= 27) lastTwoDays++;
    await expect.poll(() => countOf(page)).toBe(lastTwoDays);
    await waitForMapIdle(page, 60_000);

    // Clicking a drawn point opens its details (picked on the GPU layer).
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await waitForMapIdle(page, 60_000);
    const point = await page.evaluate(() => {
      const map = (window as unknown as { durandMap: MapLibreMap }).durandMap;
      const p = map.project([69.6 + 0.002 * 125, 33.1 + 0.002 * 100]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const panel = page.getByRole('complementary', { name: 'Incident details' });
    await expect
      .poll(() => panel.textContent(), { timeout: 30_000 })
      .toContain('synthetic test incident');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    // deck.gl compiles its shaders without eval, so the strict CSP reports nothing.
    expect(consoleErrors).toEqual([]);
  });
});
