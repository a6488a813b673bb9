import { readFile } from 'node:fs/promises';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { INCIDENT_TYPES } from '../../src/domain/taxonomy';
import { OVERFLOW_TYPE_COLOURS } from '../../src/domain/type-describer';
import {
  countOf,
  drawnTotal,
  dropFile,
  EMBEDDED_COUNT,
  launchBrowser,
  openAppPage,
  resultsDir,
  saveScreenshot,
  waitForMapIdle,
} from './browser';

const baseURL = inject('baseURL');
const AIRSTRIKE = ((hex: string) => {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255] as const;
})(INCIDENT_TYPES.find((type) => type.code === 'airstrike')!.colour);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type MapWindow = Window & { durandMap: MapLibreMap; durandIncidents: MapLibreMap };

async function openApp(beforeGoto?: (page: Page) => Promise<void>) {
  const app = await openAppPage(browser, baseURL, beforeGoto);
  await waitForMapIdle(app.page);
  await expect.poll(() => countOf(app.page)).toBe(EMBEDDED_COUNT);
  return app;
}

function renderedOn(page: Page, layer: string): Promise<number> {
  return page.evaluate(
    (layer) =>
      // The incidents have a map of their own over the basemap.
      (window as unknown as MapWindow)[
        layer.startsWith('incidents') ? 'durandIncidents' : 'durandMap'
      ].queryRenderedFeatures({ layers: [layer] }).length,
    layer,
  );
}

/** Screen position of a map coordinate. */
function screenPoint(page: Page, lon: number, lat: number) {
  return page.evaluate(
    ([lon, lat]) => {
      const map = (window as unknown as MapWindow).durandMap;
      const p = map.project([lon!, lat!]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    [lon, lat],
  );
}

/** 5,000 located incidents spread over the border area, half airstrikes, and 50 unlocated. */
function makeClusteredCollection(): { text: string; airstrikes: number } {
  const features: string[] = [];
  let airstrikes = 0;
  for (let i = 0; i < 5_050; i++) {
    const type = i % 2 === 0 ? 'airstrike' : 'armed_clash';
    const located = i < 5_000;
    if (located && type === 'airstrike') airstrikes++;
    const lon = 66 + ((i * 37) % 600) / 100;
    const lat = 30 + ((i * 53) % 500) / 100;
    const geometry = located
      ? `{"type":"Point","coordinates":[${lon.toFixed(3)},${lat.toFixed(3)}]}`
      : 'null';
    features.push(
      `{"type":"Feature","id":"CL-${i}","geometry":${geometry},"properties":{"date":"2025-10-${String(1 + (i % 28)).padStart(2, '0')}","type":"${type}"}}`,
    );
  }
  return { text: `{"type":"FeatureCollection","features":[${features.join(',')}]}`, airstrikes };
}

describe('Map modes', () => {
  it('lists the incidents at a shared spot; choosing one opens its details', async () => {
    const { page } = await openApp();
    // Six embedded incidents are placed on the same district centre (70.6 E, 32.99 N).
    const spot = await screenPoint(page, 70.6, 32.99);
    await page.mouse.click(spot.x, spot.y);
    const chooser = page.getByRole('dialog', { name: 'Incidents at this spot' });
    await expect.poll(() => chooser.isVisible()).toBe(true);
    const options = chooser.getByRole('listitem').getByRole('button');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(6);
    const second = options.nth(1);
    await expect.poll(() => second.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}/);
    const day = /^\d{4}-\d{2}-\d{2}/.exec((await second.textContent())!)![0];
    await saveScreenshot(page, 'chooser.png');

    // The keyboard reaches it: the first incident has the focus, the arrow moves down.
    await expect
      .poll(() => options.first().evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Incident details' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect.poll(() => panel.textContent()).toContain(day);
    expect(await chooser.count()).toBe(0);
  });

  it('exports a PNG of the map at its size, not blank', async () => {
    const { page } = await openApp();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^incidents-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.png$/,
    );
    await mkdir(resultsDir, { recursive: true });
    await download.saveAs(resultsDir + 'export.png');
    const png = PNG.sync.read(await readFile((await download.path())!));
    const size = await page.evaluate(() => {
      const canvas = (window as unknown as MapWindow).durandMap.getCanvas();
      return { width: canvas.width, height: canvas.height };
    });
    expect({ width: png.width, height: png.height }).toEqual(size);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 7) {
      colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
    }
    expect(colours.size).toBeGreaterThan(50);
    // The incidents and the legend are on it: the airstrike colour is there.
    let red = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (
        Math.abs(r - AIRSTRIKE[0]) < 30 &&
        Math.abs(g - AIRSTRIKE[1]) < 30 &&
        Math.abs(b - AIRSTRIKE[2]) < 30
      )
        red++;
    }
    expect(red).toBeGreaterThan(20);
  });

  it('the heatmap switch swaps the incident symbols for a heatmap and back', async () => {
    const { page } = await openApp();
    const visibility = (layer: string) =>
      page.evaluate(
        (layer) =>
          (window as unknown as MapWindow).durandIncidents.getLayoutProperty(layer, 'visibility'),
        layer,
      );
    expect(await renderedOn(page, 'incidents-circles')).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Heatmap' }).check();
    await expect.poll(() => visibility('incidents-heatmap')).toBe('visible');
    expect(await visibility('incidents-clusters')).toBe('none');
    // At the initial zoom the heatmap stands alone; single incidents return when zoomed in.
    await expect.poll(() => renderedOn(page, 'incidents-circles')).toBe(0);
    await saveScreenshot(page, 'heatmap.png');
    await page.getByRole('checkbox', { name: 'Heatmap' }).uncheck();
    await expect.poll(() => visibility('incidents-heatmap')).toBe('none');
    await expect.poll(() => renderedOn(page, 'incidents-circles')).toBeGreaterThan(0);
  });

  it('clusters a 5,000-incident file; the clusters add up to the located count', async () => {
    const { page, pageErrors } = await openApp();
    const { text, airstrikes } = makeClusteredCollection();
    await dropFile(page, text, 'clustered.geojson');
    await expect.poll(() => countOf(page), { timeout: 60_000 }).toBe(5_050);
    await waitForMapIdle(page, 60_000);
    const legend = page.getByRole('region', { name: 'Map legend' });
    // Folded over a map this small; the user opens it.
    await legend.getByRole('button', { name: 'Legend' }).click();
    await expect
      .poll(() => legend.textContent())
      .toContain('50 incidents without coordinates are listed but not drawn');

    const all = await drawnTotal(page);
    expect(all.clusters).toBeGreaterThan(0);
    expect(all.total).toBe(5_000);
    await saveScreenshot(page, 'clusters.png');
    await legend.getByRole('button', { name: 'Legend' }).click();

    // Filtered: only the airstrikes, still summing up.
    await page.getByRole('checkbox', { name: /^Armed clash/ }).uncheck();
    await expect.poll(() => countOf(page)).toBe(airstrikes + 25);
    await waitForMapIdle(page, 60_000);
    await expect.poll(async () => (await drawnTotal(page)).total).toBe(airstrikes);

    // A click on a cluster zooms in.
    const zoomBefore = await page.evaluate(() =>
      (window as unknown as MapWindow).durandMap.getZoom(),
    );
    const target = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).durandMap;
      const box = map.getCanvas().getBoundingClientRect();
      // A cluster not hidden under a control or panel.
      const incidents = (window as unknown as MapWindow).durandIncidents;
      for (const cluster of incidents.queryRenderedFeatures({ layers: ['incidents-clusters'] })) {
        const [lon, lat] = (cluster.geometry as GeoJSON.Point).coordinates as [number, number];
        const p = map.project([lon, lat]);
        const at = { x: box.left + p.x, y: box.top + p.y };
        if (document.elementFromPoint(at.x, at.y) === map.getCanvas()) return at;
      }
      throw new Error('no cluster in the open');
    });
    await page.mouse.click(target.x, target.y);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as MapWindow).durandMap.getZoom()))
      .toBeGreaterThan(zoomBefore + 0.5);
    expect(pageErrors).toEqual([]);
  });

  it('draws a type outside the taxonomy in a colour of its own, the one the legend names', async () => {
    const { page, pageErrors } = await openApp();
    const at = [69.5, 33.5] as const;
    const features = ['sniper_fire', 'state_based'].map(
      (type, i) =>
        `{"type":"Feature","id":"T-${i}","geometry":{"type":"Point","coordinates":[${at[0] + i},${at[1]}]},"properties":{"date":"2025-10-0${i + 1}","type":"${type}"}}`,
    );
    await dropFile(page, `{"type":"FeatureCollection","features":[${features}]}`, 'types.geojson');
    await expect.poll(() => countOf(page)).toBe(2);
    await waitForMapIdle(page);

    // The first code outside the taxonomy takes the first overflow colour, on the map…
    const [r, g, b] = [1, 3, 5].map((i) =>
      Number.parseInt(OVERFLOW_TYPE_COLOURS[0]!.slice(i, i + 2), 16),
    );
    const pixel = await page.evaluate(([lon, lat]) => {
      const map = (window as unknown as MapWindow).durandIncidents;
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext('2d')!;
      context.drawImage(source, 0, 0);
      const p = map.project([lon!, lat!]);
      const ratio = map.getPixelRatio();
      return Array.from(
        context.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data,
      );
    }, at);
    expect(Math.abs(pixel[0]! - r!)).toBeLessThan(30);
    expect(Math.abs(pixel[1]! - g!)).toBeLessThan(30);
    expect(Math.abs(pixel[2]! - b!)).toBeLessThan(30);

    // …and in the legend, under a readable name.
    const legend = page.getByRole('region', { name: 'Map legend' });
    if (!(await legend.getByText('Sniper fire').isVisible())) {
      await legend.getByRole('button', { name: 'Legend' }).click();
    }
    const fill = await legend
      .getByRole('listitem')
      .filter({ hasText: 'Sniper fire' })
      .locator('circle')
      .getAttribute('fill');
    expect(fill).toBe(OVERFLOW_TYPE_COLOURS[0]);
    await expect.poll(() => legend.textContent()).toContain('State-based conflict');
    expect(pageErrors).toEqual([]);
  });

  it('follows a dark colour scheme, and back', async () => {
    const { page } = await openApp((page) => page.emulateMedia({ colorScheme: 'dark' }));
    const background = () =>
      page.evaluate(() =>
        String(
          (window as unknown as MapWindow).durandMap.getPaintProperty(
            'background',
            'background-color',
          ),
        ),
      );
    const dark = await background();
    await saveScreenshot(page, 'dark.png');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).not.toBe(dark);
    expect(await renderedOn(page, 'durand-line')).toBeGreaterThan(0);
  });
});
