import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestPage } from './browser';
import {
  countOf,
  dropFile,
  EMBEDDED_COUNT,
  launchBrowser,
  openAppPage,
  pageAnswers,
  saveScreenshot,
} from './browser';
import {
  BIDI,
  bidiCollection,
  duplicateIdsCollection,
  hugeColumnCsv,
  hugeIdCollection,
  hugePropertyNameCollection,
  hugeTypeCollection,
  manyTypesCollection,
  RLO,
} from './fixtures/hostile-text';

const baseURL = inject('baseURL');

/** The files the data server serves, by path; each test puts its own. */
const files = new Map<string, string>();
let browser: Browser;
let server: Server;
let dataURL: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // A `data` URL on this machine: the page's CSP lets it connect to http(s), and the server
  // allows the page to read it (CORS), as a public data host would.
  server = createServer((request, response) => {
    const body = files.get(new URL(request.url ?? '/', 'http://x').pathname);
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dataURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * Waits until `done` holds, checking all the while (every 200 ms) that the page answers (see
 * HANG_MS); fails at the first round trip that does not.
 */
async function whileAnswering(page: Page, done: () => Promise<boolean>, timeout = 45_000) {
  const until = Date.now() + timeout;
  for (;;) {
    expect(await pageAnswers(page), 'the page answers').toBe(true);
    if (await done()) return;
    if (Date.now() > until) throw new Error('timed out waiting while checking the page answers');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Opens the app on a `data` URL serving `body` (and the `extra` query), checking it answers. */
async function openServed(
  path: string,
  body: string,
  count: number,
  extra = '',
): Promise<TestPage> {
  files.set(path, body);
  const app = await openAppPage(browser, `${baseURL}?data=${dataURL}${path}${extra}`);
  await whileAnswering(app.page, async () => (await countOf(app.page)) === count);
  return app;
}

/** Unfolds the legend (folded at first on a small map) until it lists `types` types. */
async function openLegendWith(page: Page, types: number): Promise<void> {
  const legend = page.getByRole('region', { name: 'Map legend' });
  const toggle = legend.getByRole('button', { name: 'Legend' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await whileAnswering(
    page,
    async () => (await legend.locator('.legend-types li').count()) === types,
  );
}

/** The rows of the incident list (not the options of the page's selects). */
const listRows = (page: Page) => page.locator('.incident-list-option');

const details = (page: Page) => page.getByRole('complementary', { name: 'Incident details' });

/** Text lengths of the elements matching `selector`, longest first. */
function textLengths(page: Page, selector: string): Promise<number[]> {
  return page
    .locator(selector)
    .evaluateAll((elements) =>
      elements.map((element) => element.textContent?.length ?? 0).sort((a, b) => b - a),
    );
}

describe('Hostile text', () => {
  it('a 20 MB property name opened with ?data=…&incident=K shows clipped in the details, and the page answers', async () => {
    const app = await openServed('/name.geojson', hugePropertyNameCollection(), 1, '&incident=K');
    const { page } = app;
    await whileAnswering(page, async () => (await details(page).count()) === 1);
    const name = details(page).locator('.other-properties th bdi').first();
    expect(await name.textContent()).toMatch(/^<img src=x onerror=alert\(1\)>/);
    expect(await name.textContent()).toContain('(19,999,800 more characters)');
    expect(Math.max(...(await textLengths(page, '.incident-detail *')))).toBeLessThan(4_100);
    expect(await details(page).locator('img').count()).toBe(0);
    await name.click();
    await whileAnswering(page, async () => true);
    expect(app.pageErrors).toEqual([]);
  });

  it('a 20 MB CSV column name shows clipped in the details', async () => {
    const { page, pageErrors } = await openServed('/column.csv', hugeColumnCsv(), 1, '&incident=K');
    await whileAnswering(page, async () => (await details(page).count()) === 1);
    const name = details(page).locator('.other-properties th bdi', { hasText: 'more characters' });
    expect(await name.textContent()).toContain('(19,999,800 more characters)');
    expect(pageErrors).toEqual([]);
  });

  it('a 20 MB type shows clipped in the type filter, the legend, the list and the details, and exports a PNG', async () => {
    const { page, pageErrors } = await openServed('/type.geojson', hugeTypeCollection(), 2);
    const types = page.getByRole('group', { name: 'Incident types' });
    await whileAnswering(page, async () => (await types.getByRole('checkbox').count()) === 2);
    await openLegendWith(page, 2);
    await listRows(page).first().click();
    await whileAnswering(page, async () => (await details(page).count()) === 1);
    for (const selector of ['.type-filter', '.legend-types', '.incident-list-option', 'h2']) {
      expect(Math.max(0, ...(await textLengths(page, selector)))).toBeLessThan(4_100);
    }
    const clipped = types.locator('bdi', { hasText: 'more characters)' });
    expect(await clipped.textContent()).toMatch(/^<img src=x onerror=alert\(1\)>/);
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await whileAnswering(page, async () => true);
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(pageErrors).toEqual([]);
  });

  it('a 20 MB id shows clipped in the Id row when its details open', async () => {
    const { page, pageErrors } = await openServed('/id.geojson', hugeIdCollection(), 2);
    const rows = listRows(page);
    await whileAnswering(page, async () => (await rows.count()) === 2);
    for (const row of [0, 1]) {
      await rows.nth(row).click();
      await whileAnswering(page, async () => (await details(page).count()) === 1);
    }
    await rows.first().click();
    await whileAnswering(page, async () => true);
    const ids = await details(page)
      .locator('dt:text-is("Id") + dd')
      .evaluate((dd) => dd.textContent ?? '');
    expect(ids.length).toBeLessThan(300);
    expect(pageErrors).toEqual([]);
  });

  it('60,000 distinct types: the type filter and the legend show the 40 most frequent, and one can be unticked', async () => {
    const { page, pageErrors } = await openServed('/types.geojson', manyTypesCollection(), 60_005);
    const types = page.getByRole('group', { name: 'Incident types' });
    await whileAnswering(page, async () => (await types.getByRole('checkbox').count()) === 40);
    expect(await types.locator('.type-option').first().textContent()).toBe('Frequent 5');
    await expect
      .poll(() => types.textContent())
      .toContain('59,961 more: narrow with the search box.');
    await openLegendWith(page, 40);
    expect(await page.locator('*').count()).toBeLessThan(3_000);
    await saveScreenshot(page, 'hostile-many-types.png');

    await types.getByRole('searchbox', { name: 'Find a type' }).fill('type 59999');
    await types.getByRole('checkbox', { name: 'Type 59999 1' }).click();
    await whileAnswering(page, async () => (await countOf(page)) === 60_004);
    expect(pageErrors).toEqual([]);
  });

  it('100,000 incidents in pairs of ids: the load report lists the first 200 warnings and counts the rest', async () => {
    const app = await openServed('/duplicates.geojson', duplicateIdsCollection(), 100_000);
    const { page } = app;
    const warnings = page.getByRole('status', { name: /^Warnings for / });
    await whileAnswering(page, async () => (await warnings.count()) === 1);
    expect(await warnings.locator('li').count()).toBe(200);
    expect(await warnings.textContent()).toContain('50,000 warnings; the first 200 are listed.');
    expect(await warnings.textContent()).toContain('…and 49,800 more.');
    expect(app.pageErrors).toEqual([]);
  });

  it('a right-to-left override in a type and an actor stays inside its own isolate', async () => {
    const app = await openAppPage(browser, baseURL);
    const { page } = app;
    await whileAnswering(page, async () => (await countOf(page)) === EMBEDDED_COUNT);
    await dropFile(page, bidiCollection(), 'bidi.geojson');
    await whileAnswering(page, async () => (await countOf(page)) === BIDI.count);

    const option = page.getByRole('group', { name: 'Incident types' }).locator('.type-option');
    const label = option.locator('bdi');
    expect(await label.textContent()).toBe(`Killed by${RLO}`);
    // The count is outside the isolate, so it reads 12, not 21.
    expect(await option.locator('.type-count').textContent()).toBe(String(BIDI.count));
    const direction = await label.evaluate((element) => getComputedStyle(element).unicodeBidi);
    expect(direction).toBe('isolate');

    await listRows(page).first().click();
    await whileAnswering(page, async () => (await details(page).count()) === 1);
    const actor = details(page).locator('dt:text-is("Actors") + dd bdi');
    expect(await actor.textContent()).toBe(BIDI.actor);
    expect(app.pageErrors).toEqual([]);
  });
});
