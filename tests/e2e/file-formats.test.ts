/**
 * The files analysts pass around, opened in the browser as a user opens them: legacy code pages,
 * spelled-out dates, no type column, UCDP's categories, a shapefile's names, a workbook and a
 * Google Earth KML (tests/fixtures/real-layouts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countOf, EMBEDDED_COUNT, launchBrowser, openEmbeddedApp } from './browser';

const FIXTURES = fileURLToPath(new URL('../fixtures/real-layouts/', import.meta.url));
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

function openFile(page: Page, name: string) {
  return page.getByLabel('Open file…').setInputFiles(FIXTURES + name);
}

/** The type filter's checkbox for a label and its count. */
function typeBox(page: Page, label: string, count: number) {
  return page.getByRole('checkbox', { name: new RegExp(`^${label}\\s+${count}\\b`) });
}

async function exportCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

const STRIKES = 'drone-strikes-windows-1252.csv';

describe('Opening the files analysts really have', () => {
  it('a Windows-1252 CSV of strikes with spelled-out dates, no type column and a totals row', async () => {
    const { page, externalRequests } = await openApp();
    await openFile(page, STRIKES);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Date column').inputValue()).toBe('Date');
    await dialog
      .getByLabel('Type column')
      .selectOption({ label: 'None: every row has the same type' });
    const typeForAll = dialog.getByLabel('Type for every row');
    expect(await typeForAll.inputValue()).toBe('unspecified');
    await typeForAll.fill('Drone strike');
    await dialog.getByRole('button', { name: 'Load with these columns' }).click();

    await expect.poll(() => countOf(page)).toBe(12);
    await expect.poll(() => typeBox(page, 'Drone strike', 12).count()).toBe(1);
    const rejected = page.getByRole('alert', { name: `Rejected features of ${STRIKES}` });
    await expect
      .poll(() => rejected.textContent())
      .toContain('12 loaded, 1 row was not loaded (1 row: a totals row, not an incident)');
    const warnings = page.getByRole('status', { name: `Warnings for ${STRIKES}` });
    await expect.poll(() => warnings.textContent()).toContain('Read as Windows-1252');
    expect(await warnings.getByRole('button', { name: 'Read as Windows-1256' }).count()).toBe(1);

    // Exports are UTF-8, with the file's own columns and its typographic quotes intact.
    const csv = await exportCsv(page);
    expect(csv.split('\r\n')[0]).toBe(
      'Strike,Date,Location,Agency/Province,Target,Minimum killed,Maximum killed,Latitude,Longitude,Notes',
    );
    expect(csv).toContain('"Friday, June 18, 2004"');
    expect(csv).toContain('the “first” strike');
    expect(externalRequests).toEqual([]);
  });

  it('a Windows-1256 CSV keeps its Urdu place names', async () => {
    const { page } = await openApp();
    await openFile(page, 'urdu-places-windows-1256.csv');
    await expect.poll(() => countOf(page)).toBe(6);
    const warnings = page.getByRole('status', {
      name: 'Warnings for urdu-places-windows-1256.csv',
    });
    await expect.poll(() => warnings.textContent()).toContain('Read as Windows-1256');
    expect(await exportCsv(page)).toContain('انگور اڈہ');
  });

  it('a UCDP GED CSV keeps UCDP’s three categories, each named and coloured', async () => {
    const { page } = await openApp();
    await openFile(page, 'ucdp-ged-pakistan.csv');
    await expect.poll(() => countOf(page)).toBe(9);
    await expect.poll(() => typeBox(page, 'State-based conflict', 4).count()).toBe(1);
    expect(await typeBox(page, 'Non-state conflict', 3).count()).toBe(1);
    expect(await typeBox(page, 'One-sided violence', 2).count()).toBe(1);
  });

  it('a UCDP subset exported through a shapefile is recognised by the columns it kept', async () => {
    const { page } = await openApp();
    await openFile(page, 'ucdp-shapefile-subset.geojson');
    await expect.poll(() => countOf(page)).toBe(6);
    const warnings = page.getByRole('status', {
      name: 'Warnings for ucdp-shapefile-subset.geojson',
    });
    await expect.poll(() => warnings.textContent()).toContain('type_of_vi = type_of_violence');
    expect(await warnings.textContent()).toContain('missing: ');
  });

  it('an ACLED workbook loads its first sheet, offers the other, and exports its own columns', async () => {
    const { page } = await openApp();
    await openFile(page, 'acled-pakistan.xlsx');
    await expect.poll(() => countOf(page)).toBe(8);
    const warnings = page.getByRole('status', { name: 'Warnings for acled-pakistan.xlsx' });
    await expect.poll(() => warnings.textContent()).toContain('The workbook has 2 sheets');
    expect(await warnings.getByRole('button', { name: 'Read sheet “Read me”' }).count()).toBe(1);
    const csv = await exportCsv(page);
    expect(csv.split('\r\n')[0]!.split(',').slice(0, 3)).toEqual([
      'event_id_cnty',
      'event_date',
      'year',
    ]);
    expect(csv.split('\r\n').filter((line) => line.startsWith('TEST-PAK-'))).toHaveLength(8);
  });

  it('a Google Earth KML loads its Placemarks by their TimeSpan and ExtendedData', async () => {
    const { page } = await openApp();
    await openFile(page, 'border-clashes.kml');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date column').selectOption('timespan_begin');
    await dialog.getByLabel('Type column').selectOption('category');
    await dialog.getByRole('button', { name: 'Load with these columns' }).click();
    await expect.poll(() => countOf(page)).toBe(6);
    await expect.poll(() => typeBox(page, 'Airstrike', 1).count()).toBe(1);
  });

  it('a file of which nothing loads keeps what was shown, says why, and offers other columns', async () => {
    const { page } = await openApp();
    await openFile(page, STRIKES);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date column').selectOption('Location');
    await dialog
      .getByLabel('Type column')
      .selectOption({ label: 'None: every row has the same type' });
    await dialog.getByRole('button', { name: 'Load with these columns' }).click();

    const report = page.getByRole('alert', { name: `Nothing loaded from ${STRIKES}` });
    await expect.poll(() => report.textContent()).toContain('12 rows: date not understood');
    expect(await report.textContent()).toContain('Still showing');
    expect(await countOf(page)).toBe(EMBEDDED_COUNT);
    await report.getByRole('button', { name: 'Choose columns again' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect
      .poll(() => dialog.textContent())
      .toContain('No incident could be loaded (12 rows: date not understood');
  });
});
