import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  countOf,
  drawnTotal,
  dropFile,
  EMBEDDED_COUNT,
  launchBrowser,
  openAppPage,
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

type MapWindow = Window & { durandMap: MapLibreMap; durandIncidents: MapLibreMap };

/** Over the 100,000 where the map used to change its look; the look must not change. */
const SIZE = 100_500;
const GRID = 250;

/**
 * A synthetic collection in a box near Khost: a 250 × 402 grid of points 0.002° apart, one
 * airstrike each, but for an IED first, every tenth one placed only to its district, and the
 * last 500 without coordinates. Days cycle through October 2025.
 */
function makeLargeCollection(): string {
  const features: string[] = [];
  for (let i = 0; i < SIZE; i++) {
    const lon = 69.6 + (i % GRID) * 0.002;
    const lat = 33.1 + Math.floor(i / GRID) * 0.002;
    const geometry =
      i < SIZE - 500
        ? `{"type":"Point","coordinates":[${lon.toFixed(4)},${lat.toFixed(4)}]}`
        : 'null';
    const day = String(1 + (i % 28)).padStart(2, '0');
    const type = i === 0 ? 'ied' : 'airstrike';
    const precision = i % 10 === 0 ? 'district' : 'place';
    features.push(
      `{"type":"Feature","id":"SYN-${i}","geometry":${geometry},"properties":{"date":"2025-10-${day}","type":"${type}","geo_precision":"${precision}","summary":"synthetic test incident"}}`,
    );
  }
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}

async function openLarge(): Promise<Page> {
  const { page } = await openAppPage(browser, baseURL);
  await waitForMapIdle(page);
  await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
  await dropFile(page, makeLargeCollection(), 'large.geojson');
  await expect.poll(() => countOf(page), { timeout: 60_000 }).toBe(SIZE);
  await waitForMapIdle(page, 60_000);
  return page;
}

/** Moves the camera and waits for the incidents to be drawn there. */
async function jumpTo(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(
    ([lon, lat, zoom]) =>
      new Promise<void>((resolve) => {
        const { durandMap, durandIncidents } = window as unknown as MapWindow;
        durandIncidents.once('idle', () => resolve());
        durandMap.jumpTo({ center: [lon!, lat!], zoom: zoom! });
      }),
    [lon, lat, zoom],
  );
  await waitForMapIdle(page);
}

/**
 * Records, from now on, the map's state at each change of the count text: the count must not
 * wait for the map.
 */
function recordCountChanges(page: Page) {
  return page.evaluate(() => {
    const count = document.querySelector('[data-testid="incident-count"]')!;
    const seen: Array<{ text: string; mapState: string | undefined }> = [];
    (window as unknown as { countChanges: typeof seen }).countChanges = seen;
    new MutationObserver(() =>
      seen.push({
        text: count.textContent ?? '',
        mapState: document.documentElement.dataset.mapState,
      }),
    ).observe(count, { subtree: true, childList: true, characterData: true });
  });
}

function countChanges(page: Page) {
  return page.evaluate(
    () =>
      (window as unknown as { countChanges: Array<{ text: string; mapState?: string }> })
        .countChanges,
  );
}

describe('A large dataset', () => {
  it('looks as a small one does: clusters that add up, rings, points to click, a heatmap', async () => {
    const page = await openLarge();
    const located = SIZE - 500;

    // Clusters at the first view, holding every located incident between them.
    const all = await drawnTotal(page);
    expect(all.clusters).toBeGreaterThan(0);
    expect(all.total).toBe(located);

    // Close in, single incidents: exact places as dots, district centres as rings.
    await jumpTo(page, 69.85, 33.5, 12);
    const approx = await page.evaluate(() =>
      (window as unknown as MapWindow).durandIncidents
        .queryRenderedFeatures({ layers: ['incidents-circles'] })
        .map((f) => f.properties.approx as number),
    );
    expect(approx.length).toBeGreaterThan(50);
    expect(approx.filter((a) => a === 1).length).toBeGreaterThan(0);
    expect(approx.filter((a) => a === 0).length).toBeGreaterThan(approx.length / 2);
    await saveScreenshot(page, 'large-close.png');

    // A click on a point opens its details.
    const point = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).durandMap;
      const box = map.getCanvas().getBoundingClientRect();
      const incidents = (window as unknown as MapWindow).durandIncidents;
      const feature = incidents.queryRenderedFeatures({ layers: ['incidents-circles'] })[0]!;
      const p = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const panel = page.getByRole('complementary', { name: 'Incident details' });
    await expect
      .poll(() => panel.textContent(), { timeout: 30_000 })
      .toContain('synthetic test incident');
    await page.getByRole('button', { name: 'Close details' }).click();

    // The heatmap stands in for clusters when zoomed out.
    await jumpTo(page, 69.85, 33.5, 6);
    await page.getByRole('checkbox', { name: 'Heatmap' }).check();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as MapWindow).durandIncidents.queryRenderedFeatures({
              layers: ['incidents-heatmap'],
            }).length,
        ),
      )
      .toBeGreaterThan(0);
    await saveScreenshot(page, 'large-heatmap.png');
    await page.getByRole('checkbox', { name: 'Heatmap' }).uncheck();

    // Filtered, the clusters still add up to what matches.
    await page.getByRole('checkbox', { name: /^Airstrike/ }).uncheck();
    await expect.poll(() => countOf(page)).toBe(1);
    await waitForMapIdle(page, 60_000);
    await expect.poll(async () => (await drawnTotal(page)).total).toBe(1);
  }, 120_000);

  it('shows the count before the map has caught up, and only the newest of quick changes', async () => {
    const page = await openLarge();
    await recordCountChanges(page);

    // Ten quick changes of the From date, the last to the 27th, without waiting in between.
    const from = page.getByLabel('From date');
    const days = [3, 5, 8, 11, 14, 17, 20, 23, 25, 27];
    await Promise.all(days.map((day) => from.fill(`2025-10-${day}`, { force: true })));
    let lastTwoDays = 0;
    for (let i = 0; i < SIZE; i++) if (1 + (i % 28) >= 27) lastTwoDays++;
    await expect.poll(() => countOf(page), { timeout: 30_000 }).toBe(lastTwoDays);
    await waitForMapIdle(page, 60_000);

    const changes = await countChanges(page);
    // The count changed while the map was still drawing the previous answer.
    expect(changes.some((change) => change.mapState === 'loading')).toBe(true);
    // No answer to an older change came after the newest one's.
    expect(changes.at(-1)!.text.startsWith(`${lastTwoDays} of`)).toBe(true);
    // And the map shows the newest change only: its clusters add up to the incidents left.
    let located = 0;
    for (let i = 0; i < SIZE - 500; i++) if (1 + (i % 28) >= 27) located++;
    expect((await drawnTotal(page)).total).toBe(located);
  }, 120_000);
});
