import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  countOf,
  EMBEDDED_COUNT,
  launchBrowser,
  openAppPage,
  saveScreenshot,
  waitForMapIdle,
} from './browser';

const baseURL = inject('baseURL');

type MapWindow = Window & { durandMap: MapLibreMap; durandIncidents: MapLibreMap };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openApp() {
  const app = await openAppPage(browser, baseURL);
  await waitForMapIdle(app.page);
  await expect.poll(() => countOf(app.page)).toBe(EMBEDDED_COUNT);
  // The border filters appear once the worker has measured the incidents.
  await expect
    .poll(() => app.page.getByRole('group', { name: 'Distance presets' }).count())
    .toBe(1);
  return app;
}

function renderedOn(page: Page, layer: string): Promise<number> {
  return page.evaluate(
    (layer) =>
      (window as unknown as MapWindow).durandMap.queryRenderedFeatures({ layers: [layer] }).length,
    layer,
  );
}

/** A property of the features drawn on a layer, once per feature. */
function renderedValues(page: Page, layer: string, property: string): Promise<string[]> {
  return page.evaluate(
    ([layer, property]) => {
      const map = (window as unknown as MapWindow).durandMap;
      const values = map
        .queryRenderedFeatures({ layers: [layer!] })
        .map((feature) => String(feature.properties?.[property!]));
      return [...new Set(values)];
    },
    [layer, property],
  );
}

/**
 * The page position of the first of these places that is on the open map (no control or panel
 * over it) with no incident drawn within `clearance` pixels, so that a click there reaches the
 * layer under the incidents.
 */
function clearSpot(page: Page, places: Array<[number, number]>, clearance = 12) {
  return page.evaluate(
    ([places, clearance]) => {
      const map = (window as unknown as MapWindow).durandMap;
      const incidents = (window as unknown as MapWindow).durandIncidents;
      const box = map.getCanvas().getBoundingClientRect();
      const incidentLayers = incidents
        .getStyle()
        .layers.map((layer) => layer.id)
        .filter((id) => id.startsWith('incidents'));
      for (const [lon, lat] of places) {
        const p = map.project([lon, lat]);
        const at = { x: box.left + p.x, y: box.top + p.y };
        if (document.elementFromPoint(at.x, at.y) !== map.getCanvas()) continue;
        const around = incidents.queryRenderedFeatures(
          [
            [p.x - clearance, p.y - clearance],
            [p.x + clearance, p.y + clearance],
          ],
          { layers: incidentLayers },
        );
        if (around.length === 0) return at;
      }
      throw new Error(`none of ${JSON.stringify(places)} is clear of incidents and controls`);
    },
    [places, clearance] as const,
  );
}

describe('Border layers on the map', () => {
  it('labels the official crossings, Torkham among them, and a click filters near one', async () => {
    const { page } = await openApp();
    await expect.poll(() => renderedValues(page, 'crossings', 'name')).toContain('Torkham');

    const crossings = await page.evaluate(() =>
      (window as unknown as MapWindow).durandMap
        .queryRenderedFeatures({ layers: ['crossings'] })
        .map((feature) => ({
          id: String(feature.properties?.id),
          at: (feature.geometry as GeoJSON.Point).coordinates as [number, number],
        })),
    );
    // Any crossing with no incident drawn over it will do; zoomed in, incidents spread apart.
    let clicked: string | null = null;
    for (const crossing of crossings) {
      await page.evaluate(async (center) => {
        const map = (window as unknown as MapWindow).durandMap;
        map.jumpTo({ center, zoom: 9 });
        await map.once('idle');
      }, crossing.at);
      const at = await clearSpot(page, [crossing.at], 6).catch(() => null);
      if (!at) continue;
      await page.mouse.click(at.x, at.y);
      clicked = crossing.id;
      break;
    }
    expect(clicked, 'no crossing is clear of incidents').not.toBeNull();
    await expect.poll(() => new URL(page.url()).searchParams.get('crossing')).toBe(`${clicked}:10`);
    expect(await page.getByLabel('Near a crossing').inputValue()).toBe(clicked);
  });

  it('draws the distance band of the filter, and its near edge when open-ended', async () => {
    const { page } = await openApp();
    expect(await renderedOn(page, 'distance-band-fill')).toBe(0);
    await page.getByRole('button', { name: '0–5 km' }).click();
    await expect.poll(() => renderedOn(page, 'distance-band-fill')).toBeGreaterThan(0);
    const legend = page.getByRole('region', { name: 'Map legend' });
    if (
      (await legend.getByRole('button', { name: 'Legend' }).getAttribute('aria-expanded')) !==
      'true'
    )
      await legend.getByRole('button', { name: 'Legend' }).click();
    await expect
      .poll(() => legend.textContent())
      .toContain('Distance band: 0–5 km from the Natural Earth 1:10m line');
    await saveScreenshot(page, 'distance-band.png');

    await page.getByRole('button', { name: '> 50 km' }).click();
    await expect
      .poll(() => renderedValues(page, 'distance-band-outline', 'kind'))
      .toEqual(['beyond']);
    expect(await renderedOn(page, 'distance-band-fill')).toBe(0);

    await page.getByRole('button', { name: 'Any distance' }).click();
    await expect.poll(() => renderedOn(page, 'distance-band-outline')).toBe(0);
  });

  it('colours provinces by their incidents; a click on one filters to it', async () => {
    const { page, pageErrors } = await openApp();
    await page.getByRole('checkbox', { name: 'Provinces' }).check();
    await expect.poll(() => renderedOn(page, 'provinces-fill')).toBeGreaterThan(0);
    // What the map shows for Khyber Pakhtunkhwa before the click.
    const shownCount = () =>
      page.evaluate(() => {
        const feature = (window as unknown as MapWindow).durandMap
          .queryRenderedFeatures({ layers: ['provinces-fill'] })
          .find((f) => f.properties?.id === 'PK-KP');
        return feature?.state.count as number | undefined;
      });
    await expect.poll(shownCount).toBeGreaterThan(0);
    const kp = (await shownCount())!;
    await saveScreenshot(page, 'provinces.png');

    // Peshawar's surroundings, then further into the province if incidents cover them.
    const at = await clearSpot(page, [
      [71.5, 34.0],
      [71.75, 34.25],
      [72.3, 34.6],
      [72.0, 35.3],
      [71.2, 33.5],
    ]);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('PK-KP');
    await expect.poll(() => countOf(page)).toBe(kp);
    expect(kp).toBeLessThan(EMBEDDED_COUNT);
    const filters = page.getByRole('navigation', { name: 'Filters and data' });
    await expect.poll(() => filters.textContent()).toContain('Province: Khyber Pakhtunkhwa');
    await expect.poll(() => renderedOn(page, 'provinces-selected')).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
