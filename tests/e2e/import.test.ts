import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countOf, EMBEDDED_COUNT, launchBrowser, openEmbeddedApp, waitForMapIdle } from './browser';

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const baseURL = inject('baseURL');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function openApp() {
  return openEmbeddedApp(browser, baseURL);
}

/** Drops a file on the page the way a browser does, with a DataTransfer holding it. */
async function dropFile(page: Page, name: string, text: string, type: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type }));
      return transfer;
    },
    { name, text, type },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

/** The located incidents the map has drawn. */
function renderedIncidents(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = (window as unknown as { durandIncidents: MapLibreMap }).durandIncidents;
    return map.queryRenderedFeatures({ layers: ['incidents-circles'] }).length;
  });
}

describe('Importing files', () => {
  it('a dropped ACLED export shows its incidents on the map and in the count', async () => {
    const { page, externalRequests } = await openApp();
    const text = await readFile(fixturesDir + 'acled-sample.csv', 'utf8');
    await dropFile(page, 'acled-sample.csv', text, 'text/csv');
    await expect.poll(() => countOf(page)).toBe(3);
    await waitForMapIdle(page);
    await expect.poll(() => renderedIncidents(page)).toBe(3);
    // ACLED sub-event types land on the taxonomy.
    await expect
      .poll(() => page.getByRole('checkbox', { name: /^Airstrike\s+1\b/ }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByRole('checkbox', { name: /^Shelling\s+1\b/ }).count())
      .toBe(1);
    expect(externalRequests).toEqual([]);
  });

  it('a dropped UCDP GED extract with an HXL row loads its events, not the hashtag row', async () => {
    const { page } = await openApp();
    const text = await readFile(fixturesDir + 'ucdp-sample.csv', 'utf8');
    await dropFile(page, 'ucdp-sample.csv', text, 'text/csv');
    await expect.poll(() => countOf(page)).toBe(2);
    await waitForMapIdle(page);
    await expect.poll(() => renderedIncidents(page)).toBe(2);
  });

  it('a file picked in addition to the shown data is added, and each keeps its name', async () => {
    const { page } = await openApp();
    await page.getByLabel('Add to it').check();
    await page.getByLabel('Open file…').setInputFiles(fixturesDir + 'acled-sample.csv');
    // acled-sample.csv holds three events.
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT + 3);
    const datasets = page.getByRole('group', { name: 'Datasets' });
    await expect.poll(() => datasets.getByRole('checkbox').count()).toBe(2);
    await datasets.getByRole('checkbox', { name: /^acled-sample\.csv/ }).uncheck();
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
  });

  it('a file of script payloads is shown as text: nothing runs and no dialog opens', async () => {
    const { page, pageErrors } = await openApp();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const text = await readFile(fixturesDir + 'xss.geojson', 'utf8');
    await dropFile(page, 'xss.geojson', text, 'application/geo+json');
    await expect.poll(() => countOf(page)).toBe(1);
    await waitForMapIdle(page);

    // Open the incident so its fields render in the detail panel.
    const point = await page.evaluate(() => {
      const map = (window as unknown as { durandMap: MapLibreMap }).durandMap;
      const p = map.project([70.1, 33.9]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const panel = page.getByRole('complementary', { name: 'Incident details' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect.poll(() => panel.textContent()).toContain('<img src=x onerror="alert(1)">');

    expect(await panel.locator('img, script, svg, b, i').count()).toBe(0);
    const hrefs = await panel
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://example.org/ok']);
    const state = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      polluted: ({} as Record<string, unknown>).polluted,
    }));
    expect(state).toEqual({ xss: undefined, polluted: undefined });
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('a file with bad features reports them, and Download rejected returns them byte for byte', async () => {
    const { page } = await openApp();
    const good = [
      '{"type":"Feature","id":"ok-1","geometry":{"type":"Point","coordinates":[70.1,33.9]},"properties":{"date":"2025-10-12","type":"ied"}}',
      '{"type":"Feature","id":"ok-2","geometry":null,"properties":{"date":"2025-10-13T01:00:00+05:00","type":"other"}}',
    ];
    const bad = [
      '{ "type": "Feature", "id": "bad-date", "geometry": null, "properties": { "date": "2025-02-30", "type": "ied" } }',
      '{"type":"Feature","id":"bad-coords","geometry":{"type":"Point","coordinates":[200,  95]},"properties":{"date":"2025-10-12","type":"ied"}}',
      '{"type":"Feature","id":"huge","geometry":{"type":"Point","coordinates":[70.0,34.0]},"properties":{"date":"2025-10-12","type":"ied","fatalities_max":1e400}}',
      '{"type":"Polygon","coordinates":[]}',
    ];
    const text = `{"type":"FeatureCollection","features":[\n${[good[0], bad[0], bad[1], good[1], bad[2], bad[3]].join(',\n')}\n]}\n`;
    await dropFile(page, 'mixed.geojson', text, 'application/geo+json');
    await expect.poll(() => countOf(page)).toBe(2);

    const report = page.getByRole('alert', { name: 'Rejected features of mixed.geojson' });
    await expect.poll(() => report.textContent()).toContain('2 loaded, 4 features were not loaded');
    expect(await report.getByRole('listitem').count()).toBe(4);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Download rejected' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mixed-rejected.geojson');
    const returned = await readFile((await download.path())!, 'utf8');
    let from = 0;
    for (const raw of bad) {
      const at = returned.indexOf(raw, from);
      expect(at, `rejected feature returned as written: ${raw}`).toBeGreaterThanOrEqual(0);
      from = at + raw.length;
    }
  });

  it('a CSV with unknown columns asks which are the date and type, then loads', async () => {
    const { page } = await openApp();
    const csv =
      'when,what,x,y,note\n2025-10-12,ied,70.1,33.9,synthetic\n2025-10-13,shelling,71.0,34.5,synthetic\n';
    await dropFile(page, 'own-layout.csv', csv, 'text/csv');
    const dialog = page.getByRole('dialog', { name: 'Which columns are the date and the type?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Date column').selectOption('when');
    await dialog.getByLabel('Type column').selectOption('what');
    await dialog.getByLabel('Longitude column').selectOption('x');
    await dialog.getByLabel('Latitude column').selectOption('y');
    await dialog.getByRole('button', { name: 'Load with these columns' }).click();
    await expect.poll(() => countOf(page)).toBe(2);
  });

  it('Export CSV of a loaded CSV writes its rows back with their original columns', async () => {
    const { page } = await openApp();
    const text = await readFile(fixturesDir + 'acled-sample.csv', 'utf8');
    await dropFile(page, 'acled-sample.csv', text, 'text/csv');
    await expect.poll(() => countOf(page)).toBe(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const exported = await readFile((await download.path())!, 'utf8');
    // RFC 4180 line ends (CRLF) in the export; the header is the file's own.
    const header = text.split('\n')[0]!;
    expect(exported.split('\r\n')[0]).toBe(header);
    expect(exported).toContain('TEST-PAK-0002');
    expect(exported).toContain('""quotes""');
  });
});
