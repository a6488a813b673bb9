/**
 * A packaged million: 1,000,000 synthetic incidents packaged by `npm run package` and served by
 * a static server that answers range requests (206), opened with `?package=`. The count, the
 * timeline and the exports for a date and type filter equal the in-tab answer for the same data
 * (the app's engine in Node over the same CSV), and the page never fetches a whole row file.
 * The set, its package and the in-tab answer are kept under .synthetic/ for the next run.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  countOf,
  drawnTotal,
  launchBrowser,
  openAppPage,
  saveScreenshot,
  waitForMapIdle,
} from './browser';
import type { InTabAnswer } from './fixtures/in-tab-answer';
import type { PackagedSet } from './fixtures/packaged-set';
import { inTabAnswer, packagedSet } from './fixtures/packaged-set';
import type { RangeServer } from './fixtures/range-server';
import { startRangeServer } from './fixtures/range-server';

const baseURL = inject('baseURL');
const COUNT = 1_000_000;
/** Three weeks across three monthly row files, three of the twelve types. */
const FILTER = {
  from: '2020-01-20',
  to: '2020-03-10',
  types: ['airstrike', 'drone_strike', 'ied'],
};

let browser: Browser;
let set: PackagedSet;
let answer: InTabAnswer;
let server: RangeServer;

beforeAll(async () => {
  set = packagedSet(COUNT);
  answer = inTabAnswer(set, FILTER);
  console.log(
    `package.test: generated in ${set.seconds.generate.toFixed(1)} s, packaged in ${set.seconds.package.toFixed(1)} s (0: reused)`,
  );
  server = await startRangeServer(set.folder);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The latest query answer the engine's worker posted to the page: count and timeline. */
type Posted = { count: number; startDay: number; days: number; byType: number[] } | null;

/** Records, inside the engine's worker, each query answer it posts (a copy of its timeline). */
async function watchQueries(page: Page): Promise<() => Promise<Posted>> {
  const worker = await page.waitForEvent('worker', {
    predicate: (w) => /incident\.worker/.test(w.url()),
  });
  await worker.evaluate(() => {
    const scope = self as unknown as {
      postMessage: (message: unknown, transfer?: Transferable[]) => void;
      lastQuery?: unknown;
    };
    const post = scope.postMessage.bind(scope);
    scope.postMessage = (message, transfer) => {
      const m = message as {
        call?: string;
        ok?: boolean;
        value?: { count: number; timeline: { startDay: number; days: number; byType: Int32Array } };
      };
      if (m.call === 'query' && m.ok && m.value) {
        const { count, timeline } = m.value;
        scope.lastQuery = { count, ...timeline, byType: Array.from(timeline.byType) };
      }
      post(message, transfer);
    };
  });
  return () => worker.evaluate(() => (self as unknown as { lastQuery?: Posted }).lastQuery ?? null);
}

/** The text of the file an export button saves. */
async function exported(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: await readFile((await download.path())!, 'utf8'),
  };
}

describe('A packaged million opened with ?package=', () => {
  it('counts, charts and exports a date and type filter as the in-tab engine does, by range reads', async () => {
    const manifest = `${server.url}manifest.json`;
    const query = new URLSearchParams({
      package: manifest,
      ...FILTER,
      types: FILTER.types.join(','),
    });
    let lastQuery: () => Promise<Posted> = async () => null;
    const { page } = await openAppPage(browser, `${baseURL}?${query}`, async (page) => {
      const watching = watchQueries(page);
      void watching.then((read) => (lastQuery = read));
    });

    await expect
      .poll(() => page.getByTestId('incident-count').textContent(), { timeout: 60_000 })
      .toContain(`in package ${set.name}`);
    await expect.poll(() => countOf(page), { timeout: 30_000 }).toBe(answer.count);
    expect(await page.getByTestId('incident-count').textContent()).toContain(
      `of ${COUNT} incidents`,
    );

    // The timeline the page received: every day's bucket of every type, as in the tab.
    await expect
      .poll(async () => (await lastQuery())?.count, { timeout: 30_000 })
      .toBe(answer.count);
    const posted = (await lastQuery())!;
    expect(posted.startDay).toBe(answer.timeline.startDay);
    expect(posted.days).toBe(answer.timeline.days);
    expect(posted.byType).toEqual(answer.timeline.byType);

    // The exports equal the in-tab exports of the same filter, byte for byte.
    for (const [button, format] of [
      ['Export GeoJSON', 'geojson'],
      ['Export CSV', 'csv'],
    ] as const) {
      const file = await exported(page, button);
      expect(file.name).toBe(answer.exports[format].fileName);
      expect(file.text).toBe(answer.exports[format].text);
    }

    // Every read of a row file was a range request answered 206 with less than the file.
    const rows = server.requests.filter((r) => r.path.startsWith('/rows/'));
    expect(rows.length).toBeGreaterThan(0);
    for (const request of rows) {
      expect(request.range).not.toBeNull();
      expect(request.status).toBe(206);
      expect(request.bytes).toBeLessThan(request.fileBytes);
    }
    // The tiles too: never the whole archive; and the map draws the package's incidents.
    await waitForMapIdle(page, 60_000);
    const tiles = server.requests.filter((r) => r.path === '/incidents.pmtiles');
    expect(tiles.length).toBeGreaterThan(0);
    for (const request of tiles) expect(request.status).toBe(206);
    expect((await drawnTotal(page)).total).toBeGreaterThan(0);
    await saveScreenshot(page, 'package-1m.png');
  });
});
