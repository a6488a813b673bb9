import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestPage } from './browser';
import { launchBrowser, openAppPage, saveScreenshot, waitForMapIdle } from './browser';

type IncidentFeature = Feature<Point, { date: string; type: string; [key: string]: unknown }>;
/** The basemap, and the incidents' own map drawn over it. */
type DurandWindow = Window & { durandMap?: MapLibreMap; durandIncidents?: MapLibreMap };
interface Filter {
  from: string;
  to: string;
  types: string[];
}

const TYPE_LABELS: Record<string, string> = {
  airstrike: 'Airstrike',
  drone_strike: 'Drone strike',
  cross_border_attack: 'Cross-border attack',
  armed_clash: 'Armed clash',
  shelling: 'Shelling',
  ied: 'IED',
  suicide_attack: 'Suicide attack',
  ambush: 'Ambush',
  border_closure: 'Border closure',
  ceasefire: 'Ceasefire',
  negotiation: 'Negotiation',
  other: 'Other',
};

/** The peak of the October 2025 fighting, narrowed to three kinds of violence. Bounds are inclusive. */
const NARROW: Filter = {
  from: '2025-10-11',
  to: '2025-10-19',
  types: ['airstrike', 'armed_clash', 'cross_border_attack'],
};

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const baseURL = inject('baseURL');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Durand Line dashboard', () => {
  it('renders the embedded incidents and place labels without leaving the machine', async () => {
    const { features } = await loadDataset();
    const app = await openApp();
    const { page } = app;
    await waitForMapIdle(page);

    const rendered = await page.evaluate(() => {
      const map = (window as DurandWindow).durandMap!;
      const incidentMap = (window as DurandWindow).durandIncidents!;
      const incidentLayers = incidentMap
        .getStyle()
        .layers.map((layer) => layer.id)
        .filter((id) => id.startsWith('incidents'));
      const names = (layers: string[]) =>
        map
          .queryRenderedFeatures({ layers })
          .flatMap((feature) => Object.values(feature.properties ?? {}))
          .filter((value): value is string => typeof value === 'string');
      return {
        incidentLayers,
        incidents: incidentMap.queryRenderedFeatures({ layers: incidentLayers }).length,
        border: map.queryRenderedFeatures({ layers: ['durand-line'] }).length,
        placeNames: names(['place-labels']),
      };
    });
    await saveScreenshot(page, 'dashboard.png');

    await eventually(() => readCount(page)).toBe(features.length);
    expect(rendered.incidentLayers).not.toEqual([]);
    expect(rendered.incidents).toBeGreaterThan(0);
    expect(rendered.border).toBeGreaterThan(0);
    expect(rendered.placeNames).toEqual(expect.arrayContaining(['Kabul', 'Peshawar']));
    expect(app.externalRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    // A strict CSP reports its violations as console errors.
    expect(app.consoleErrors).toEqual([]);
  });

  it('lists one checkbox per incident type in the data, named with its label and count', async () => {
    const { features } = await loadDataset();
    const { page } = await openApp();
    const group = page.getByRole('group', { name: 'Incident types' });

    const counts = countByType(features);
    await eventually(() => group.getByRole('checkbox').count()).toBe(counts.size);
    for (const [type, count] of counts) {
      const name = new RegExp(`^${escapeRegExp(labelOf(type))}\\s+${count}\\b`);
      const checkbox = group.getByRole('checkbox', { name });
      await eventually(() => checkbox.count(), `${type} ${count}`).toBe(1);
      expect(await checkbox.isChecked()).toBe(true);
    }
  });

  it('narrowing by date and type updates the count and the address', async () => {
    const { features } = await loadDataset();
    const { page } = await openApp();
    const filter = presentTypes(NARROW, features);
    const expected = matching(features, filter);
    // The journey only means something if both the dates and the types narrow the set.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(matching(features, { ...filter, types: [] }).length);
    // Incidents on both boundary days check that both bounds are inclusive.
    const dates = expected.map((feature) => feature.properties.date);
    expect(dates).toContain(filter.from);
    expect(dates).toContain(filter.to);

    await eventually(() => readCount(page)).toBe(features.length);
    await narrowThroughUi(page, filter, features);

    await eventually(() => readCount(page)).toBe(expected.length);
    await eventually(async () => {
      const params = new URL(await page.evaluate(() => location.href)).searchParams;
      return {
        from: params.get('from'),
        to: params.get('to'),
        types: params.get('types')?.split(',').sort(),
      };
    }).toEqual({ from: filter.from, to: filter.to, types: [...filter.types].sort() });
  });

  it('exports exactly the narrowed incidents, in file order, as GeoJSON', async () => {
    const { features } = await loadDataset();
    const { page } = await openApp();
    const filter = presentTypes(NARROW, features);
    const expected = matching(features, filter);
    await eventually(() => readCount(page)).toBe(features.length);
    await narrowThroughUi(page, filter, features);
    await eventually(() => readCount(page)).toBe(expected.length);

    const exported = await exportGeoJson(page);

    expect(exported.filename).toBe(`incidents-${filter.from}-${filter.to}.geojson`);
    expect(exported.json.type).toBe('FeatureCollection');
    expect(exported.json.features).toEqual(expected);
  });

  it('exports every incident under the data’s own date range when no filter is set', async () => {
    const { features } = await loadDataset();
    const { page } = await openApp();
    await eventually(() => readCount(page)).toBe(features.length);
    const dates = features.map((feature) => feature.properties.date).sort();

    const exported = await exportGeoJson(page);

    expect(exported.filename).toBe(`incidents-${dates[0]}-${dates.at(-1)}.geojson`);
    expect(exported.json.features).toEqual(features);
  });

  it('a permalink opened in a fresh page gives the same count and the same export', async () => {
    const { features } = await loadDataset();
    const filter = presentTypes(NARROW, features);
    const expected = matching(features, filter);
    const { page } = await openApp(
      `?from=${filter.from}&to=${filter.to}&types=${filter.types.join(',')}`,
    );

    await eventually(() => readCount(page)).toBe(expected.length);
    expect(await page.getByLabel('From date').inputValue()).toBe(filter.from);
    expect(await page.getByLabel('To date').inputValue()).toBe(filter.to);
    const exported = await exportGeoJson(page);

    expect(exported.filename).toBe(`incidents-${filter.from}-${filter.to}.geojson`);
    expect(exported.json.features).toEqual(expected);
  });

  it('a bad date in the address shows a message and falls back to the defaults', async () => {
    const { features } = await loadDataset();
    const { page } = await openApp('?from=2025-02-30');

    const message = page
      .getByRole('alert')
      .or(page.getByRole('status'))
      .filter({ hasText: '2025-02-30' });
    await eventually(() => message.count()).toBeGreaterThan(0);
    await eventually(() => readCount(page)).toBe(features.length);
  });

  it('a file with invalid features loads the valid ones and lists each rejected one', async () => {
    const { features } = await loadDataset();
    const valid = features.slice(0, 3);
    const [first, second, third] = valid.map((feature) => structuredClone(feature));
    const badDate = withId(structuredClone(first!), 'fixture-bad-date');
    badDate.properties.date = '2025-13-01';
    const badCoordinates = withId(structuredClone(second!), 'fixture-bad-coordinates');
    badCoordinates.geometry.coordinates = [200, 95];
    const noDate = withId(structuredClone(third!), 'fixture-no-date');
    delete (noDate.properties as Partial<IncidentFeature['properties']>).date;
    // Rejected features sit between valid ones, at indices 1, 3 and 5.
    const mixed: FeatureCollection = {
      type: 'FeatureCollection',
      features: [first!, badDate, second!, badCoordinates, third!, noDate],
    };
    const app = await openApp('?data=fixtures/mixed.geojson', async (page) => {
      await page.route('**/fixtures/mixed.geojson', (route) =>
        route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(mixed) }),
      );
    });
    const { page } = app;

    await eventually(() => readCount(page)).toBe(valid.length);
    const alert = page.getByRole('alert').filter({ hasText: 'fixture-bad-date' });
    await eventually(() => alert.count()).toBe(1);
    const text = (await alert.textContent()) ?? '';
    for (const id of ['fixture-bad-date', 'fixture-bad-coordinates', 'fixture-no-date']) {
      expect(text).toContain(id);
    }
    expect(text).toContain('2025-13-01');
    for (const id of valid.map(idOf)) if (id !== undefined) expect(text).not.toContain(String(id));
    expect(app.pageErrors).toEqual([]);
  });

  it('a file that is not JSON gives one clear message and the map still shows', async () => {
    const app = await openApp('?data=fixtures/not-json.geojson', async (page) => {
      await page.route('**/fixtures/not-json.geojson', (route) =>
        route.fulfill({
          contentType: 'application/geo+json',
          path: fixturesDir + 'not-json.txt',
        }),
      );
    });
    const { page } = app;

    const alert = page.getByRole('alert');
    await eventually(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/JSON/i);
    await page.waitForFunction(() => (window as DurandWindow).durandMap !== undefined);
    expect(await page.locator('canvas.maplibregl-canvas').first().isVisible()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('clicking an incident opens its details with the date and http(s) source links', async () => {
    const { features } = await loadDataset();
    const { page } = await openApp();
    await waitForMapIdle(page);

    // Pick a rendered incident with no neighbour within a few pixels, so the click is unambiguous.
    const target = await page.evaluate(() => {
      const map = (window as DurandWindow).durandIncidents!;
      const layers = map
        .getStyle()
        .layers.map((layer) => layer.id)
        .filter((id) => id.startsWith('incidents'));
      const points = map
        .queryRenderedFeatures({ layers })
        .filter((feature) => feature.geometry.type === 'Point' && !feature.properties?.cluster)
        .map((feature) => map.project((feature.geometry as Point).coordinates as [number, number]));
      const isolated = points.find((point) => {
        const around = map.queryRenderedFeatures(
          [
            [point.x - 8, point.y - 8],
            [point.x + 8, point.y + 8],
          ],
          { layers },
        );
        return around.length === 1;
      });
      const point = isolated ?? points[0];
      return point ? { x: point.x, y: point.y } : null;
    });
    expect(target, 'no incident is rendered').not.toBeNull();
    // The basemap's canvas takes the clicks; the incidents' canvas over it lets them through.
    await page.locator('canvas.maplibregl-canvas').first().click({ position: target! });

    const panel = page
      .getByRole('complementary', { name: 'Incident details' })
      .or(page.getByRole('region', { name: 'Incident details' }));
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await panel.textContent()) ?? '';
    const shown = features.filter((feature) => {
      const summary = feature.properties.summary;
      return typeof summary === 'string' && text.includes(summary);
    });
    expect(shown, 'the panel shows the summary of exactly one incident').toHaveLength(1);
    const incident = shown[0]!;

    // The incident shown is the one under the pointer.
    const [lon, lat] = incident.geometry.coordinates as [number, number];
    const at = await page.evaluate(
      ([lon, lat]) => (window as DurandWindow).durandMap!.project([lon!, lat!]),
      [lon, lat],
    );
    expect(Math.hypot(at.x - target!.x, at.y - target!.y)).toBeLessThan(10);

    expect(dateRenderings(incident.properties.date).some((date) => text.includes(date))).toBe(true);
    const links = await panel
      .locator('a[href]')
      .evaluateAll((anchors: HTMLAnchorElement[]) =>
        anchors.map((anchor) => ({ href: anchor.href, rel: anchor.rel })),
      );
    for (const link of links) {
      expect(['http:', 'https:']).toContain(new URL(link.href).protocol);
      expect(link.rel.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
    const sources = urlsIn(incident.properties);
    expect(sources.length).toBeGreaterThan(0);
    expect(links.map((link) => link.href)).toEqual(expect.arrayContaining(sources));
  });

  it('declares a Content-Security-Policy that forbids inline and eval script', async () => {
    const { page } = await openApp();
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toBeTruthy();

    const directives = new Map(
      policy!
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
    );
    const scriptSources = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSources, 'neither script-src nor default-src is set').toBeDefined();
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources).not.toContain("'unsafe-eval'");
  });
});

// --- Helpers ----------------------------------------------------------------------------------

/** Polls until the assertion holds: the app loads data and re-filters asynchronously. */
function eventually<T>(read: () => T, message?: string) {
  return expect.poll(read, { timeout: 15_000, interval: 100, message });
}

let dataset: Promise<{ features: IncidentFeature[] }> | undefined;

/** The embedded dataset exactly as the preview server serves it to the app. */
function loadDataset(): Promise<{ features: IncidentFeature[] }> {
  dataset ??= (async () => {
    const url = new URL('data/incidents.geojson', baseURL);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as { features: IncidentFeature[] };
  })();
  return dataset;
}

/**
 * Opens the app in a fresh context (closed when the test ends; screenshot saved if it fails).
 * `beforeGoto` can route requests before the first navigation.
 */
function openApp(query = '', beforeGoto?: (page: Page) => Promise<void>): Promise<TestPage> {
  return openAppPage(browser, new URL(query, baseURL).href, beforeGoto);
}

/** The leading number of the incident count, or null while it is not shown. */
async function readCount(page: Page): Promise<number | null> {
  const element = page.getByTestId('incident-count');
  if ((await element.count()) === 0) return null;
  const match = /^\s*([\d,]+)/.exec((await element.textContent()) ?? '');
  return match ? Number(match[1]!.replace(/,/g, '')) : null;
}

function typeCheckbox(page: Page, type: string): Locator {
  return page
    .getByRole('group', { name: 'Incident types' })
    .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(labelOf(type))}\\b`) });
}

/** Sets the date inputs and the type checkboxes the way a user would. */
async function narrowThroughUi(page: Page, filter: Filter, features: IncidentFeature[]) {
  await page.getByLabel('From date').fill(filter.from);
  await page.getByLabel('To date').fill(filter.to);
  for (const type of countByType(features).keys()) {
    await typeCheckbox(page, type).setChecked(filter.types.includes(type));
  }
}

async function exportGeoJson(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export GeoJSON' }).click(),
  ]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8')) as FeatureCollection;
  return { filename: download.suggestedFilename(), json };
}

/** The features a filter keeps, in file order; an empty type list keeps every type. */
function matching(features: IncidentFeature[], filter: Filter): IncidentFeature[] {
  return features.filter(
    ({ properties: { date, type } }) =>
      date >= filter.from &&
      date <= filter.to &&
      (filter.types.length === 0 || filter.types.includes(type)),
  );
}

/** Keeps only the filter's types that occur in the data, so each has a checkbox. */
function presentTypes(filter: Filter, features: IncidentFeature[]): Filter {
  const present = countByType(features);
  return { ...filter, types: filter.types.filter((type) => present.has(type)) };
}

function countByType(features: IncidentFeature[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { properties } of features) {
    counts.set(properties.type, (counts.get(properties.type) ?? 0) + 1);
  }
  return counts;
}

function labelOf(type: string): string {
  const label = TYPE_LABELS[type];
  if (!label) throw new Error(`no label known for incident type "${type}"`);
  return label;
}

function idOf(feature: Feature): string | number | undefined {
  return feature.id ?? (feature.properties?.id as string | number | undefined);
}

/** Gives a copy a new id wherever the dataset keeps ids (feature.id, properties.id or both). */
function withId(feature: IncidentFeature, id: string): IncidentFeature {
  const inProperties = 'id' in feature.properties;
  if (feature.id !== undefined || !inProperties) feature.id = id;
  if (inProperties) feature.properties.id = id;
  return feature;
}

/** Every http(s) URL in a feature's properties, however the dataset stores them. */
function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return (value.match(/https?:\/\/[^\s;]+/g) ?? []).map((url) => new URL(url).href);
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}

/** Ways a UI may print a YYYY-MM-DD date: as is, or in an English long or short form. */
function dateRenderings(iso: string): string[] {
  const date = new Date(`${iso}T00:00:00Z`);
  const formats: Intl.DateTimeFormatOptions[] = [
    { day: 'numeric', month: 'long', year: 'numeric' },
    { day: 'numeric', month: 'short', year: 'numeric' },
  ];
  return [
    iso,
    ...['en-GB', 'en-US'].flatMap((locale) =>
      formats.map((format) => date.toLocaleDateString(locale, { ...format, timeZone: 'UTC' })),
    ),
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
