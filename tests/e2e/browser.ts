import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect, onTestFinished } from 'vitest';
import { chromium } from 'playwright-core';

import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export { chromiumPath };

/** Where screenshots go (gitignored). */
export const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** The flags that work here (SwiftShader WebGL2, no sandbox), and no name resolves but localhost. */
export const browserArgs = [
  ...chromiumArgs,
  // Second line of the offline guard: no host name but localhost resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** Launches headless Chromium with the flags that work here (SwiftShader WebGL2, no sandbox). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: browserArgs });
}

/** True for URLs that stay on this machine or inside the page. */
export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Every request that tried to leave the machine; each was blocked. */
  externalRequests: string[];
  /** Text of console messages of type "error". */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: Error[];
}

/**
 * Opens a page in a fresh context that accepts downloads, blocks and records any request leaving
 * the machine, and collects console and page errors. Close it with `context.close()`.
 */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<TestPage> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const externalRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: Error[] = [];
  const isExternal = (url: URL) => !isLocalUrl(url.href);
  await context.route(isExternal, (route) => {
    externalRequests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(isExternal, (ws) => {
    externalRequests.push(ws.url());
    return ws.close();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error));
  return { page, context, externalRequests, consoleErrors, pageErrors };
}

/**
 * Waits until the app marks the map idle: it sets `<html data-map-state="idle">` each time
 * MapLibre fires `idle` after a data update.
 */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
    timeout,
  });
}

/** Saves a full-page screenshot as test-results/<name>; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const path = resultsDir + name;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Opens the app at `url` in a fresh page for the current test; the page closes when the test ends,
 * and a failing test leaves a screenshot and the page's errors behind.
 */
export async function openAppPage(
  browser: Browser,
  url: string,
  beforeGoto?: (page: Page) => Promise<void>,
): Promise<TestPage> {
  const app = await newPage(browser);
  // onTestFinished runs before onTestFailed, so the failure screenshot is taken here.
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await saveScreenshot(app.page, `failed-${name}.png`).catch(() => undefined);
      const { pageErrors, consoleErrors, externalRequests } = app;
      console.error(`"${task.name}" failed; the page saw:`, {
        pageErrors: pageErrors.map(String),
        consoleErrors,
        externalRequests,
      });
    }
    await app.context.close();
  });
  await beforeGoto?.(app.page);
  await app.page.goto(url);
  return app;
}

/** The embedded dataset as shipped (data/incidents.geojson): what the page shows before any file is opened. */
const embedded = JSON.parse(
  readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8'),
) as { features: { properties: { date: string; type: string } }[] };

/** How many embedded incidents match `keep` (all of them without it). */
export function embeddedCount(
  keep: (incident: { date: string; type: string }) => boolean = () => true,
): number {
  return embedded.features.filter((feature) => keep(feature.properties)).length;
}

/** How many incidents the embedded dataset holds: the count the page starts with. */
export const EMBEDDED_COUNT = embeddedCount();

/** Opens the app on the embedded data and waits until its map is idle and its count is in. */
export async function openEmbeddedApp(browser: Browser, url: string): Promise<TestPage> {
  const app = await openAppPage(browser, url);
  await waitForMapIdle(app.page);
  await expect.poll(() => countOf(app.page)).toBe(EMBEDDED_COUNT);
  return app;
}

/**
 * How long a round trip to the page (`page.evaluate`) may take before the page counts as hung.
 * This is a hang check, not a speed measure: `npm run bench:hostile` measures the slowest round
 * trip and the longest task for each hostile input, against the page opening on its own data.
 * Without a GPU, one frame of the map holds the page for up to a second on a busy two-core
 * machine (SwiftShader draws it, and the page waits to read it back); the hangs these checks
 * guard against (a 20 MB type, 60,000 types, 100,000 warnings drawn at once) lasted 4 to 30 s.
 */
export const HANG_MS = 3_000;

/** Whether a round trip to the page comes back within HANG_MS: it has not hung. */
export async function pageAnswers(page: Page): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), HANG_MS)));
  const answered = page.evaluate(() => 1).then(() => true as const);
  const result = await Promise.race([answered, late]);
  clearTimeout(timer);
  return result;
}

/** The number the incident count starts with ("12 of 122 incidents" → 12). */
export async function countOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('incident-count').textContent()) ?? '';
  return Number(/^\s*(\d+)/.exec(text)?.[1] ?? NaN);
}

/** Presses `key` (Tab) until `isTarget` holds for the focused element; bounded, so a broken tab order fails. */
export async function tabTo(page: Page, isTarget: () => Promise<boolean>, key = 'Tab') {
  for (let i = 0; i < 250; i++) {
    if (await isTarget()) return;
    await page.keyboard.press(key);
  }
  throw new Error('the keyboard never reached the target');
}

/** Axe's serious and critical violations of WCAG 2.2 AA on the page, one line each (up to 3 places). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

/** Drops a file holding `text` on the page, as a user drags one in from the desktop. */
export async function dropFile(page: Page, text: string, name: string): Promise<void> {
  const handle = await page.evaluateHandle(
    ([text, name]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text!], name!, { type: 'application/geo+json' }));
      return transfer;
    },
    [text, name],
  );
  await page.dispatchEvent('body', 'drop', { dataTransfer: handle });
}

/**
 * Incidents drawn at the current view, single or in clusters (each counts the incidents it
 * holds), and how many clusters there are. A feature drawn from two tiles at once while the map
 * changes zoom is counted once.
 */
export function drawnTotal(page: Page): Promise<{ total: number; clusters: number }> {
  return page.evaluate(() => {
    const map = (window as unknown as { durandIncidents: MapLibreMap }).durandIncidents;
    const features = map.queryRenderedFeatures({
      layers: ['incidents-clusters', 'incidents-circles'],
    });
    const seen = new Set<string>();
    let total = 0;
    let clusters = 0;
    for (const feature of features) {
      const count = feature.properties?.point_count as number | undefined;
      const key = `${count ? 'c' : 'p'}${String(feature.id)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total += count ?? 1;
      if (count) clusters++;
    }
    return { total, clusters };
  });
}
