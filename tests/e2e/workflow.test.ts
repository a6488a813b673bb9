import { readFile } from 'node:fs/promises';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  countOf,
  EMBEDDED_COUNT,
  embeddedCount,
  launchBrowser,
  openAppPage,
  saveScreenshot,
  seriousAxeViolations,
  tabTo,
  waitForMapIdle,
} from './browser';

const baseURL = inject('baseURL');
/** What the count shows once "Armed clash" is unticked. */
const WITHOUT_ARMED_CLASH = embeddedCount((incident) => incident.type !== 'armed_clash');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type MapWindow = Window & { durandMap: MapLibreMap; durandIncidents: MapLibreMap };

async function openApp(query = '', viewport?: { width: number; height: number }) {
  const app = await openAppPage(browser, new URL(query, baseURL).href, async (page) => {
    if (viewport) await page.setViewportSize(viewport);
  });
  await waitForMapIdle(app.page);
  return app;
}

function drawnIncidents(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as MapWindow).durandIncidents.queryRenderedFeatures({
        layers: ['incidents-circles'],
      }).length,
  );
}

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

describe('The analyst workflow', () => {
  it('brushing the timeline narrows the count, the map and the address', async () => {
    const { page } = await openApp();
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    const drawnBefore = await drawnIncidents(page);
    const canvas = page.locator('.timeline canvas').first();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => countOf(page)).toBeLessThan(EMBEDDED_COUNT);
    await expect.poll(() => countOf(page)).toBeGreaterThan(0);
    await expect.poll(() => param(page, 'from')).not.toBeNull();
    await waitForMapIdle(page);
    expect(await drawnIncidents(page)).toBeLessThan(drawnBefore);
  });

  it('playback moves a window of days across the range', async () => {
    const { page } = await openApp();
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    await page.getByLabel('Window (days)').fill('10');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => param(page, 'from')).not.toBeNull();
    const first = param(page, 'from');
    await expect.poll(() => param(page, 'from'), { timeout: 10_000 }).not.toBe(first);
    const from = Date.parse(param(page, 'from')!);
    const to = Date.parse(param(page, 'to')!);
    expect((to - from) / 86_400_000).toBe(9);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  it('selecting in the list opens the details and flies the map there; a map click selects in the list', async () => {
    const { page } = await openApp();
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    const list = page.getByRole('listbox', { name: 'Incidents' });
    const option = list.getByRole('option').nth(3);
    const optionText = (await option.textContent()) ?? '';
    await option.click();
    const panel = page.getByRole('complementary', { name: 'Incident details' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const day = /\d{4}-\d{2}-\d{2}/.exec(optionText)![0];
    await expect.poll(() => panel.textContent()).toContain(day);
    await expect.poll(() => param(page, 'incident')).not.toBeNull();
    await waitForMapIdle(page);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as MapWindow).durandMap.getZoom()))
      .toBeGreaterThanOrEqual(7.9);

    // Now the other way: click a drawn incident and find it selected in the list.
    await page.getByRole('button', { name: 'Close details' }).click();
    const target = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).durandMap;
      const incidents = (window as unknown as MapWindow).durandIncidents;
      const feature = incidents.queryRenderedFeatures({ layers: ['incidents-circles'] })[0]!;
      const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
      const p = map.project([lon, lat]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => panel.isVisible()).toBe(true);
    const selected = list.locator('[role="option"][aria-selected="true"]');
    await expect.poll(() => selected.count()).toBe(1);
    await expect.poll(() => selected.isVisible()).toBe(true);
  });

  it('a permalink with every filter, the view and the selection reproduces the page', async () => {
    const query =
      '?from=2025-10-01&to=2025-11-30&types=airstrike,armed_clash,cross_border_attack&country=PK,AF' +
      '&minFatalities=1&precision=place,district&q=pakistan&actor=TTP' +
      '&view=33.5,70.2,7.2&incident=2025-11-24-bannu-narmikhel-ibo-22-killed';
    const first = await openApp(query);
    await expect.poll(() => countOf(first.page)).toBeGreaterThan(0);
    const count = await countOf(first.page);
    const panel = first.page.getByRole('complementary', { name: 'Incident details' });
    await expect.poll(() => panel.textContent()).toContain('2025-11-24');
    const href = first.page.url();

    const second = await openApp(new URL(href).search);
    await expect.poll(() => countOf(second.page)).toBe(count);
    const again = second.page.getByRole('complementary', { name: 'Incident details' });
    await expect.poll(() => again.textContent()).toContain('2025-11-24');
    const view = await second.page.evaluate(() => {
      const map = (window as unknown as MapWindow).durandMap;
      return { ...map.getCenter(), zoom: map.getZoom() };
    });
    expect(view.lat).toBeCloseTo(33.5, 1);
    expect(view.lng).toBeCloseTo(70.2, 1);
    expect(view.zoom).toBeCloseTo(7.2, 1);
    expect(await second.page.getByLabel('Search').inputValue()).toBe('pakistan');
    expect(await second.page.getByLabel('Minimum fatalities').inputValue()).toBe('1');
  });

  it('works with the keyboard alone: filter, list, details, export', async () => {
    const { page } = await openApp();
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    const focused = (check: (el: Element) => boolean) => () =>
      page.evaluate(
        (source) => new Function('el', `return (${source})(el)`)(document.activeElement),
        check.toString(),
      );

    await tabTo(
      page,
      focused((el) => el.closest('label')?.textContent?.startsWith('Armed clash') ?? false),
    );
    await page.keyboard.press('Space');
    await expect.poll(() => countOf(page)).toBe(WITHOUT_ARMED_CLASH);
    // The focus ring shows where the keyboard is.
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');

    await tabTo(
      page,
      focused((el) => el.getAttribute('role') === 'listbox'),
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Incident details' });
    await expect.poll(() => panel.isVisible()).toBe(true);

    await tabTo(
      page,
      focused((el) => el.textContent === 'Export GeoJSON'),
      'Shift+Tab',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      features: unknown[];
    };
    expect(exported.features).toHaveLength(WITHOUT_ARMED_CLASH);
  });

  it('has no serious or critical accessibility violations (axe)', async () => {
    const { page } = await openApp();
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    await page.getByRole('listbox', { name: 'Incidents' }).getByRole('option').first().click();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('is usable on a phone, with the filters and list as drawers', async () => {
    const { page } = await openApp('', { width: 390, height: 844 });
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    await saveScreenshot(page, 'phone.png');
    const filters = page.getByRole('button', { name: 'Filters' });
    await filters.click();
    await page.getByRole('checkbox', { name: /^Armed clash/ }).uncheck();
    await expect.poll(() => countOf(page)).toBe(WITHOUT_ARMED_CLASH);
    await saveScreenshot(page, 'phone-filters.png');
    await page.getByRole('button', { name: 'List' }).click();
    await expect
      .poll(() => page.getByRole('listbox', { name: 'Incidents' }).isVisible())
      .toBe(true);
  });
});
