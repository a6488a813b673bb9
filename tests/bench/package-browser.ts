// What a reader's browser fetches from a dataset package, measured in headless Chromium against
// the built app (`vite preview`) and the package served by the range server of the browser tests
// (206 for every Range request, each request logged with the bytes it sent). For each action,
// the requests and bytes the package's host served from the action's start until the count and
// the map settled and no request came for QUIET_MS:
//
//   firstMap     open `?package=<manifest>` → the count names the package and the map is idle
//                (manifest, counts, the tiles in view and the list's first page)
//   dateChange   From and To set to the last 30 days of the data
//   openIncident a click on the first incident of the list → its details shown
//   export10k    "Export GeoJSON" with the last days holding 10,000 incidents or just over (read
//                from the package's counts) → the download
//
// Used by package-bench.ts, whose BENCH line carries these figures beside the builder's.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet/src/node.js';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { formatDayNumber, parseDay } from '../../src/domain/incident-date';
import type { RangeServer, ServedRequest } from '../e2e/fixtures/range-server';
import { startRangeServer } from '../e2e/fixtures/range-server';

/** How long no request must come before an action counts as settled. */
const QUIET_MS = 700;
const OUT_DIR = 'test-results/bench-package-dist';
const viteBin = 'node_modules/vite/bin/vite.js';

export interface ActionFigures {
  requests: number;
  kb: number;
  /** Of those, the row files' (range reads of rows/*.parquet). */
  rowRequests: number;
  rowKb: number;
  tileRequests: number;
  tileKb: number;
  seconds: number;
}

export interface BrowserFigures {
  firstMap: ActionFigures;
  dateChange: ActionFigures;
  openIncident: ActionFigures;
  export10k: ActionFigures & { incidents: number };
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Builds the app, serves it with `vite preview` and starts Chromium. */
export async function startBrowserBench(): Promise<{
  measure: (packageDir: string) => Promise<BrowserFigures>;
  close: () => Promise<void>;
}> {
  await run([viteBin, 'build', '--outDir', OUT_DIR, '--logLevel', 'warn']);
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}/`;
  const preview: ChildProcess = spawn(
    process.execPath,
    [viteBin, 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(appUrl).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...chromiumArgs,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  return {
    measure: async (packageDir) => {
      const server = await startRangeServer(packageDir);
      try {
        return await measurePackage(browser, appUrl, server, packageDir);
      } finally {
        await server.close();
      }
    },
    close: async () => {
      await browser.close();
      preview.kill('SIGTERM');
    },
  };
}

async function measurePackage(
  browser: Browser,
  appUrl: string,
  server: RangeServer,
  packageDir: string,
): Promise<BrowserFigures> {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'manifest.json'), 'utf8')) as {
    count: number;
    days: { first: string; last: string };
  };
  const first = parseDay(manifest.days.first)!.dayNumber;
  const last = parseDay(manifest.days.last)!.dayNumber;
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const count = () => page.getByTestId('incident-count').textContent();
  /**
   * Runs `act` and counts what the host served until the page settled (and, for a filter
   * change, until the count changed).
   */
  const action = async (
    act: () => Promise<unknown>,
    countChanges = false,
  ): Promise<ActionFigures> => {
    const before = await count().catch(() => null);
    server.requests.length = 0;
    const started = performance.now();
    await act();
    if (countChanges)
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid="incident-count"]')?.textContent !== text,
        before,
        { timeout: 120_000 },
      );
    await settle(page, server);
    return figures(server.requests, (performance.now() - started - QUIET_MS) / 1000);
  };
  try {
    const manifestUrl = `${server.url}manifest.json`;
    const firstMap = await action(async () => {
      await page.goto(`${appUrl}?package=${encodeURIComponent(manifestUrl)}`);
      await page.waitForFunction(
        () =>
          / in package /.test(
            document.querySelector('[data-testid="incident-count"]')?.textContent ?? '',
          ),
        null,
        { timeout: 120_000 },
      );
    });
    const setDates = async (from: number, to: number) => {
      await page.getByLabel('From date').fill(formatDayNumber(from));
      await page.getByLabel('To date').fill(formatDayNumber(to));
    };
    const dateChange = await action(() => setDates(Math.max(first, last - 29), last), true);
    const openIncident = await action(async () => {
      await page.locator('.incident-list-option:not(.is-placeholder)').first().click();
      await page.getByRole('complementary', { name: 'Incident details' }).waitFor();
    });
    const from = await firstDayOfLast(packageDir, 10_000);
    await action(() => setDates(from, last), true);
    let incidents = 0;
    const exported = await action(async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 300_000 }),
        page.getByRole('button', { name: 'Export GeoJSON' }).click(),
      ]);
      const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
        metadata: { count: number };
      };
      incidents = file.metadata.count;
    });
    return { firstMap, dateChange, openIncident, export10k: { ...exported, incidents } };
  } finally {
    await context.close();
  }
}

/** The first day of the shortest run of last days that holds at least `wanted` incidents. */
async function firstDayOfLast(packageDir: string, wanted: number): Promise<number> {
  const file = await asyncBufferFromFile(join(packageDir, 'counts.parquet'));
  const rows = await parquetReadObjects({ file, columns: ['day', 'count'] });
  const perDay = new Map<number, number>();
  for (const { day, count } of rows)
    perDay.set(Number(day), (perDay.get(Number(day)) ?? 0) + Number(count));
  const days = [...perDay.keys()].sort((a, b) => b - a);
  let total = 0;
  for (const day of days) {
    total += perDay.get(day)!;
    if (total >= wanted) return day;
  }
  return days.at(-1)!;
}

/** Waits for the map's idle and then for QUIET_MS without a request to the package's host. */
async function settle(page: Page, server: RangeServer): Promise<void> {
  await page
    .waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
      timeout: 120_000,
    })
    .catch(() => undefined);
  let seen = -1;
  while (seen !== server.requests.length) {
    seen = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

function figures(requests: readonly ServedRequest[], seconds: number): ActionFigures {
  const kb = (list: readonly ServedRequest[]) =>
    Math.round(list.reduce((sum, r) => sum + r.bytes, 0) / 102.4) / 10;
  const rows = requests.filter((r) => r.path.startsWith('/rows/'));
  const tiles = requests.filter((r) => r.path.endsWith('.pmtiles'));
  return {
    requests: requests.length,
    kb: kb(requests),
    rowRequests: rows.length,
    rowKb: kb(rows),
    tileRequests: tiles.length,
    tileKb: kb(tiles),
    seconds: Math.round(seconds * 10) / 10,
  };
}
