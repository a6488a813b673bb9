import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countOf, launchBrowser, openEmbeddedApp, saveScreenshot, waitForMapIdle } from './browser';

const baseURL = inject('baseURL');
const INCIDENT = '2025-10-09-kabul-abdul-haq-square-strike';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const details = (page: Page) => page.getByRole('complementary', { name: 'Incident details' });
const tagsOf = (page: Page) => details(page).getByRole('list', { name: 'Tags' });

async function addTag(page: Page, tag: string) {
  await details(page).getByLabel('Add a tag', { exact: true }).fill(tag);
  await details(page).getByRole('button', { name: 'Add tag' }).click();
  await expect.poll(() => tagsOf(page).getByText(tag, { exact: true }).count()).toBe(1);
}

describe('Notes and tags on incidents', () => {
  it('are kept across a reload, filter by tag, export with Include my notes, and reach another tab', async () => {
    const { page, context } = await openEmbeddedApp(browser, `${baseURL}?incident=${INCIDENT}`);
    await expect.poll(() => details(page).isVisible()).toBe(true);

    // Write a note (plain text: markup stays text) and a tag.
    const note = 'Checked against two outlets <b>not bold</b>';
    await details(page).getByLabel('Note', { exact: true }).fill(note);
    await details(page).getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => details(page).getByText('Note saved.').isVisible()).toBe(true);
    await addTag(page, 'verify');
    expect(await details(page).locator('b').count()).toBe(0);

    // A second tab of the same browser sees them, and its tag appears in the first.
    const other = await context.newPage();
    await other.goto(`${baseURL}?incident=${INCIDENT}`);
    await expect
      .poll(() => details(other).getByLabel('Note', { exact: true }).inputValue())
      .toBe(note);
    await expect.poll(() => tagsOf(other).getByText('verify', { exact: true }).count()).toBe(1);
    await addTag(other, 'second source');
    await expect
      .poll(() => tagsOf(page).getByText('second source', { exact: true }).count())
      .toBe(1);
    await other.close();

    // After a reload the note is still there; the Tags filter keeps the one tagged incident.
    await page.goto(`${baseURL}?tag=verify&incident=${INCIDENT}`);
    await waitForMapIdle(page);
    await expect.poll(() => countOf(page)).toBe(1);
    await expect
      .poll(() => details(page).getByLabel('Note', { exact: true }).inputValue())
      .toBe(note);
    await expect
      .poll(() => page.getByRole('group', { name: 'Tags' }).getByLabel('verify').isChecked())
      .toBe(true);
    await saveScreenshot(page, 'analyst-notes.png');

    // Exported with Include my notes, and only then.
    await page.getByLabel('Include my notes').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export GeoJSON' }).click(),
    ]);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(file.features).toHaveLength(1);
    expect(file.features[0].properties).toMatchObject({
      id: INCIDENT,
      analyst_note: note,
      analyst_tags: ['verify', 'second source'],
    });
  });
});
