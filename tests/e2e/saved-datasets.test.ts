import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  countOf,
  EMBEDDED_COUNT,
  launchBrowser,
  openAppPage,
  openEmbeddedApp,
  waitForMapIdle,
} from './browser';

const FIXTURE = fileURLToPath(
  new URL('../fixtures/real-layouts/ucdp-ged-pakistan.csv', import.meta.url),
);
const FILE_NAME = 'ucdp-ged-pakistan.csv';
/** Incidents the fixture loads. */
const FIXTURE_COUNT = 9;
const baseURL = inject('baseURL');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The Datasets panel's entry for the fixture. */
const savedEntry = (page: Page) =>
  page
    .getByRole('region', { name: 'Datasets' })
    .getByRole('listitem')
    .filter({ hasText: FILE_NAME });

/** Files in the origin private file system's folder of saved datasets. */
function opfsFiles(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('saved-datasets', { create: true });
    const names: string[] = [];
    for await (const name of folder.keys()) names.push(name);
    return names.length;
  });
}

async function reload(page: Page) {
  await page.reload();
  await waitForMapIdle(page);
}

describe('Saved datasets', () => {
  it('bring an opened file back after a reload, until it is removed', async () => {
    const { page, externalRequests } = await openEmbeddedApp(browser, baseURL);
    await page.getByLabel('Open file…').setInputFiles(FIXTURE);
    await expect.poll(() => countOf(page)).toBe(FIXTURE_COUNT);
    await expect.poll(() => savedEntry(page).count()).toBe(1);
    // Its bytes are in OPFS, where Chromium has it.
    expect(await opfsFiles(page)).toBe(1);

    await reload(page);
    await expect.poll(() => countOf(page)).toBe(FIXTURE_COUNT);
    await expect.poll(() => savedEntry(page).textContent()).toContain('9 incidents');
    await expect
      .poll(() => page.getByText(/^Storage used: .+ of .+ this browser allows\.$/).count())
      .toBe(1);

    await savedEntry(page)
      .getByRole('button', { name: `Remove ${FILE_NAME}` })
      .click();
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    await expect.poll(() => savedEntry(page).count()).toBe(0);
    expect(await opfsFiles(page)).toBe(0);
    await reload(page);
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    expect(await savedEntry(page).count()).toBe(0);
    expect(externalRequests).toEqual([]);
  });

  it('are listed in another tab of the app, whose data stays as it was', async () => {
    const { page, context } = await openEmbeddedApp(browser, baseURL);
    const other = await context.newPage();
    await other.goto(baseURL);
    await waitForMapIdle(other);
    await page.getByLabel('Open file…').setInputFiles(FIXTURE);
    await expect.poll(() => savedEntry(other).count()).toBe(1);
    expect(await countOf(other)).toBe(EMBEDDED_COUNT);

    await savedEntry(other)
      .getByRole('button', { name: `Remove ${FILE_NAME}` })
      .click();
    await expect.poll(() => savedEntry(page).count()).toBe(0);
  });

  it('leave nothing behind when a file does not fit, and name it', async () => {
    const { page } = await openAppPage(browser, baseURL, async (page) => {
      await page.addInitScript(() => {
        // The disk is full: every write to a file of the origin's storage fails.
        FileSystemWritableFileStream.prototype.write = () =>
          Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      });
    });
    await waitForMapIdle(page);
    await page.getByLabel('Open file…').setInputFiles(FIXTURE);
    await expect.poll(() => countOf(page)).toBe(FIXTURE_COUNT);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain(`${FILE_NAME} was not kept: it does not fit in this browser's storage.`);
    expect(await opfsFiles(page)).toBe(0);
    expect(await savedEntry(page).count()).toBe(0);
    await reload(page);
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
  });

  it('are not kept where the browser refuses storage, which the page says once', async () => {
    const { page } = await openAppPage(browser, baseURL, async (page) => {
      await page.addInitScript(() => {
        // As some private windows do.
        IDBFactory.prototype.open = () => {
          throw new DOMException('Storage is not allowed.', 'SecurityError');
        };
      });
    });
    await waitForMapIdle(page);
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    await page.getByLabel('Open file…').setInputFiles(FIXTURE);
    await expect.poll(() => countOf(page)).toBe(FIXTURE_COUNT);
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .getByText(/^Opened files will not be kept/)
          .count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByText(/opened files are gone after a reload/).count()).toBe(1);
  });
});
