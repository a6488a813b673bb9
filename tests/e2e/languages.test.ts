import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  EMBEDDED_COUNT,
  embeddedCount,
  launchBrowser,
  openAppPage,
  saveScreenshot,
  seriousAxeViolations,
  tabTo,
  waitForMapIdle,
} from './browser';
import { translationOf, valuesIn } from './catalogue-text';

const baseURL = inject('baseURL');
const SIZES = {
  '1400×900': { width: 1400, height: 900 },
  '390×844': { width: 390, height: 844 },
} as const;
type Size = keyof typeof SIZES;
const RIGHT_TO_LEFT = [
  { code: 'ur', name: 'Urdu' },
  { code: 'ps', name: 'Pashto' },
  { code: 'fa-AF', name: 'Dari' },
] as const;
/** Letters of the Arabic script (and spaces) only. */
const ARABIC_SCRIPT = /^[\u0600-\u06FF ]+$/;
/** What the count shows once "Armed clash" is unticked. */
const WITHOUT_ARMED_CLASH = embeddedCount((incident) => incident.type !== 'armed_clash');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Opens the built app at `query` in a window of `size`, and records the catalogue chunks the
 * page fetches (the build names each language's catalogue `catalogue-<hash>.js`).
 */
async function openApp(query: string, size: Size = '1400×900') {
  const catalogueChunks: string[] = [];
  const app = await openAppPage(browser, new URL(query, baseURL).href, async (page) => {
    await page.setViewportSize(SIZES[size]);
    page.on('request', (request) => {
      if (/\/assets\/catalogue-[^/]+\.js$/.test(new URL(request.url()).pathname)) {
        catalogueChunks.push(request.url());
      }
    });
  });
  await waitForMapIdle(app.page);
  // Every incident matches at first: the count and the total, in whatever order, are both all.
  await expect
    .poll(async () => numbersIn(await countText(app.page)).slice(0, 2))
    .toEqual([EMBEDDED_COUNT, EMBEDDED_COUNT]);
  return { ...app, catalogueChunks };
}

function countText(page: Page): Promise<string> {
  return page
    .getByTestId('incident-count')
    .textContent()
    .then((text) => text ?? '');
}

/** The numbers of a text, in whichever digits the language writes them (۱۲۲ or 122). */
function numbersIn(text: string): number[] {
  const western = text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) =>
    String(digit.charCodeAt(0) & 0xf),
  );
  return (western.match(/\d+/g) ?? []).map(Number);
}

/** How many incidents the count says match, read with `language`'s wording of it. */
async function countIn(page: Page, language: string): Promise<number> {
  const english = `${EMBEDDED_COUNT} of ${EMBEDDED_COUNT} incidents`;
  const { count } = valuesIn(await countText(page), english, language);
  return numbersIn(count ?? '')[0] ?? NaN;
}

function documentDirection(page: Page) {
  return page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
  }));
}

/** Whether `target` has the focus. */
function hasFocus(target: Locator): () => Promise<boolean> {
  return () => target.evaluate((element) => element === document.activeElement);
}

describe.each(RIGHT_TO_LEFT)('The dashboard in $name (lang=$code)', ({ code }) => {
  /** The export button's name in this language, from its catalogue. */
  const exportGeoJson = () => translationOf('Export GeoJSON', code);

  it('is right to left, in its language, with the export button translated', async () => {
    const { page } = await openApp(`?lang=${code}`);
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: code });
    expect(exportGeoJson()).not.toBe('Export GeoJSON');
    await expect
      .poll(() => page.getByRole('button', { name: exportGeoJson(), exact: true }).isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Export GeoJSON' }).count()).toBe(0);
  });

  it('mirrors the page: the filters on the right, the list on the left, zoom buttons on the left', async () => {
    const { page } = await openApp(`?lang=${code}`);
    const filters = await page.locator('#filters-drawer').boundingBox();
    const list = await page.locator('#list-drawer').boundingBox();
    expect(filters!.x).toBeGreaterThan(list!.x);
    expect(await page.locator('.maplibregl-ctrl-top-left .maplibregl-ctrl-zoom-in').count()).toBe(
      1,
    );
  });

  it('names Afghanistan and Pakistan on the map in Arabic script', async () => {
    const { page } = await openApp(`?lang=${code}`);
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as { durandMap: MapLibreMap }).durandMap;
      return map
        .queryRenderedFeatures({ layers: ['country-labels'] })
        .map((feature) => feature.properties.iso_n3 as string);
    });
    expect(drawn).toEqual(expect.arrayContaining(['004', '586']));
    const field = await page.evaluate(
      () =>
        (window as unknown as { durandMap: MapLibreMap }).durandMap.getLayoutProperty(
          'country-labels',
          'text-field',
        ) as unknown[],
    );
    // ['match', ['get', 'iso_n3'], code, name, …, fallback]
    const nameOf = (numeric: string) => field[field.indexOf(numeric) + 1];
    expect(nameOf('004')).toMatch(ARABIC_SCRIPT);
    expect(nameOf('586')).toMatch(ARABIC_SCRIPT);
  });

  it('keeps time running left to right: Shift+ArrowRight moves the range start a day later', async () => {
    const { page } = await openApp(`?lang=${code}`);
    await expect(page.locator('.timeline-plot').getAttribute('dir')).resolves.toBe('ltr');
    const from = page.getByTestId('timeline-track').locator('[data-part="from"]');
    const to = page.getByTestId('timeline-track').locator('[data-part="to"]');
    expect((await from.boundingBox())!.x).toBeLessThan((await to.boundingBox())!.x);
    const before = Number(await from.getAttribute('aria-valuenow'));
    await from.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect
      .poll(async () => Number(await from.getAttribute('aria-valuenow')))
      .toBe(before + 1);
  });

  it.each(Object.keys(SIZES) as Size[])(
    'fits %s with no scrolling of the page and no serious accessibility violation',
    async (size) => {
      const { page } = await openApp(`?lang=${code}`, size);
      const overflow = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth: window.innerWidth,
        scrollHeight: document.scrollingElement!.scrollHeight,
        innerHeight: window.innerHeight,
      }));
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
      // Nor does the page itself scroll down: its columns scroll inside it.
      expect(overflow.scrollHeight).toBeLessThanOrEqual(overflow.innerHeight);
      expect(await seriousAxeViolations(page)).toEqual([]);
    },
  );

  it.each(Object.keys(SIZES) as Size[])(
    'exports GeoJSON at %s with the keyboard alone, from page load',
    async (size) => {
      const { page } = await openApp(`?lang=${code}`, size);
      const button = page.getByRole('button', { name: exportGeoJson(), exact: true });
      if (size === '390×844') {
        // On a phone the header's actions are folded into its menu.
        expect(await button.isVisible()).toBe(false);
        const menu = page.locator('.header-menu-button');
        await tabTo(page, hasFocus(menu));
        await page.keyboard.press('Enter');
        await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
      }
      await tabTo(page, hasFocus(button));
      const download = page.waitForEvent('download');
      await page.keyboard.press(size === '390×844' ? 'Space' : 'Enter');
      expect((await download).suggestedFilename()).toMatch(/^incidents-.+\.geojson$/);
    },
  );

  it('keeps the filters and the map view when the language is switched in the menu', async () => {
    const { page } = await openApp('?lang=en');
    await page.getByRole('checkbox', { name: /^Armed clash/ }).uncheck();
    await expect.poll(() => countIn(page, 'en')).toBe(WITHOUT_ARMED_CLASH);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).not.toBeNull();
    await waitForMapIdle(page);
    const before = new URL(page.url()).searchParams;
    const zoom = () =>
      page.evaluate(() => (window as unknown as { durandMap: MapLibreMap }).durandMap.getZoom());
    const zoomBefore = await zoom();

    await page.getByRole('combobox', { name: 'Language' }).selectOption(code);
    await expect.poll(() => documentDirection(page)).toEqual({ dir: 'rtl', lang: code });

    const after = new URL(page.url()).searchParams;
    expect(after.get('lang')).toBe(code);
    after.delete('lang');
    before.delete('lang');
    expect(after.toString()).toBe(before.toString());
    expect(before.get('types')).not.toBeNull();
    await expect.poll(() => countIn(page, code)).toBe(WITHOUT_ARMED_CLASH);
    expect(await zoom()).toBeCloseTo(zoomBefore, 5);
  });
});

describe('The language catalogues', () => {
  it('are fetched on demand: the page fetches Urdu’s chunk alone for lang=ur', async () => {
    const { page, catalogueChunks } = await openApp('?lang=ur');
    expect(catalogueChunks).toHaveLength(1);
    await saveScreenshot(page, 'languages-ur.png');
  });

  it('are not fetched at all in English, which stays left to right', async () => {
    const { page, catalogueChunks } = await openApp('?lang=en');
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'en' });
    expect(catalogueChunks).toEqual([]);
  });
});
