/**
 * Values from outside the code, as a hostile link, a tampered browser storage or a booby-trapped
 * file brings them: each is reported and dropped, never half honoured, and the page keeps
 * answering throughout (see HANG_MS in browser.ts; bench:hostile measures how fast).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { countOf, EMBEDDED_COUNT, launchBrowser, openEmbeddedApp, pageAnswers } from './browser';

const baseURL = inject('baseURL');
const builtDir = inject('builtDir');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Asks the page for `1` every 250 ms until the test ends, and fails it if an answer ever took
 * longer than HANG_MS: a page hung on its main thread would not answer.
 */
function watchResponsiveness(page: Page) {
  let stopped = false;
  const late: number[] = [];
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      const answered = await pageAnswers(page);
      if (!answered && !stopped) late.push(started);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  onTestFinished(async () => {
    stopped = true;
    await loop;
  });
  return {
    /** Checks every round trip so far came back within HANG_MS. */
    check: () => expect(late, 'round trips that found the page hung').toEqual([]),
  };
}

async function openApp(query: string) {
  const app = await openEmbeddedApp(browser, new URL(query, baseURL).href);
  return { ...app, responsive: watchResponsiveness(app.page) };
}

/** The notices about ignored input, as listed on the page. */
function notices(page: Page) {
  return page
    .getByRole('alert')
    .getByRole('listitem')
    .filter({ hasText: /^Ignored / })
    .allTextContents();
}

const params = (page: Page) => new URL(page.url()).searchParams;

async function openCsv(page: Page, name: string, text: string) {
  await page
    .getByLabel('Open file…')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

async function exportCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

describe('A hostile link', () => {
  it('has each value that names nothing reported and dropped, and shows every incident', async () => {
    const { page, responsive } = await openApp(
      '?province=XX-NOPE&types=nope&actor=nobody&country=ZZ&crossing=nowhere:10',
    );
    await expect.poll(() => notices(page).then((n) => n.length)).toBe(5);
    expect((await notices(page)).sort()).toEqual([
      'Ignored actor=nobody: no such actor in the loaded incidents.',
      'Ignored country=ZZ: no such country in the loaded incidents.',
      'Ignored crossing=nowhere: no such crossing on the map.',
      'Ignored province=XX-NOPE: no such province on the map (ids such as PK-KP or AF-KNR).',
      'Ignored types=nope: no such type in the loaded incidents.',
    ]);
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    responsive.check();
  });

  it('has numbers too large to write back reported and dropped', async () => {
    const huge = '9'.repeat(400);
    const { page, responsive } = await openApp(`?crossing=torkham:${huge}&distance=0-${huge}`);
    await expect.poll(() => notices(page).then((n) => n.length)).toBe(2);
    for (const notice of await notices(page))
      expect(notice).toMatch(
        /^Ignored (crossing|distance)=.*: km must be finite numbers up to 100,000\.$/,
      );
    expect(params(page).get('crossing')).toBeNull();
    expect(params(page).get('distance')).toBeNull();
    expect(await countOf(page)).toBe(EMBEDDED_COUNT);
    responsive.check();
  });
});

describe('A remembered column mapping with a day order of "evil"', () => {
  it('is not honoured: numeric dates are rejected, not read month first', async () => {
    const { page, responsive } = await openApp('');
    const columns = ['When', 'What', 'lat', 'lon'];
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [
        `durand-line-map:mapping:${JSON.stringify([...columns].sort())}`,
        JSON.stringify({ mapping: { date: 'When', type: 'What' }, dayOrder: 'evil' }),
      ],
    );
    await openCsv(
      page,
      'own-columns.csv',
      'When,What,lat,lon\r\n2025-10-12,shelling,34.0,70.1\r\n03/04/2025,ied,34.1,70.2\r\n',
    );
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Date column').inputValue()).toBe('When');
    expect(
      await dialog.getByRole('radio', { name: 'Reject them (ISO dates still load)' }).isChecked(),
    ).toBe(true);
    await dialog.getByRole('button', { name: 'Load with these columns' }).click();
    await expect.poll(() => countOf(page)).toBe(1);
    const rejected = page.getByRole('alert', { name: 'Rejected features of own-columns.csv' });
    await expect.poll(() => rejected.textContent()).toContain('day/month order');
    responsive.check();
  });
});

describe('A CSV export of cells a spreadsheet would run', () => {
  const HOSTILE = [
    'date,type,summary,lon,lat',
    '2025-10-12,shelling,"=HYPERLINK(""http://127.0.0.1/"",""open"")",70.1,34.0',
    '2025-10-13,ied,-3.5 km from the post,-3.5,34.1',
  ].join('\r\n');

  it('as read, is the file byte for byte and warns how many cells may run', async () => {
    const { page, responsive } = await openApp('');
    await openCsv(page, 'hostile.csv', HOSTILE);
    await expect.poll(() => countOf(page)).toBe(2);
    expect(await exportCsv(page)).toBe(HOSTILE + '\r\n');
    const warning = page.getByRole('status').filter({ hasText: 'start like a formula' });
    await expect
      .poll(() => warning.textContent())
      .toBe(
        '2 cells of this CSV start like a formula (=, +, -, @) that a spreadsheet may run: tick “Spreadsheet-safe CSV” and export again to write them as text.',
      );
    responsive.check();
  });

  it('spreadsheet-safe, has a quote before those cells and none before a negative number', async () => {
    const { page, responsive } = await openApp('');
    await openCsv(page, 'hostile.csv', HOSTILE);
    await expect.poll(() => countOf(page)).toBe(2);
    await page.getByRole('checkbox', { name: 'Spreadsheet-safe CSV' }).check();
    const lines = (await exportCsv(page)).split('\r\n');
    expect(lines[1]).toBe(
      `2025-10-12,shelling,"'=HYPERLINK(""http://127.0.0.1/"",""open"")",70.1,34.0`,
    );
    expect(lines[2]).toBe(`2025-10-13,ied,"'-3.5 km from the post",-3.5,34.1`);
    expect(await page.getByText('start like a formula').count()).toBe(0);
    responsive.check();
  });
});

describe('The hosting headers', () => {
  /** A policy's directives, each with its sources, without frame-ancestors. */
  const directives = (policy: string) =>
    policy
      .split(';')
      .map((directive) => directive.trim().replace(/\s+/g, ' '))
      .filter((directive) => directive !== '' && !directive.startsWith('frame-ancestors'))
      .sort();

  const header = (file: string, name: string) =>
    new RegExp(`^\\s+${name}:\\s*(.+)$`, 'm').exec(file)?.[1]?.trim();

  it('are copied into the build, and their policy is the page’s, framing apart', async () => {
    const source = await readFile(new URL('../../public/_headers', import.meta.url), 'utf8');
    const built = await readFile(join(builtDir, '_headers'), 'utf8');
    expect(built).toBe(source);
    const policy = header(source, 'Content-Security-Policy')!;
    expect(policy).toContain("frame-ancestors 'none'");
    expect(header(source, 'X-Content-Type-Options')).toBe('nosniff');
    expect(header(source, 'Referrer-Policy')).toBe('no-referrer');

    const page = await readFile(join(builtDir, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(directives(meta!.replaceAll('&#39;', "'"))).toEqual(directives(policy));
  });

  it('are the ones the README gives for nginx', async () => {
    const source = await readFile(new URL('../../public/_headers', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const nginx = (name: string) =>
      new RegExp(`add_header ${name} "([^"]+)" always;`).exec(readme)?.[1];
    for (const name of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy'])
      expect(nginx(name), name).toBe(header(source, name));
  });

  it('are left out of the offline cache, which only the host reads', async () => {
    const serviceWorker = await readFile(join(builtDir, 'sw.js'), 'utf8');
    expect(serviceWorker).toContain('index.html');
    expect(serviceWorker).not.toContain('_headers');
  });
});
