import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  browserArgs,
  chromiumPath,
  countOf,
  EMBEDDED_COUNT,
  launchBrowser,
  openAppPage,
  openEmbeddedApp,
  waitForMapIdle,
} from './browser';

const baseURL = inject('baseURL');
const builtDir = inject('builtDir');

/** What a first visit may download for offline use, at most: it is all fetched at once. */
const PRECACHE_BUDGET_BYTES = 6 * 1024 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Offline after the first visit', () => {
  it('is installable: Chromium finds no fault, and each icon is the size its manifest says', async () => {
    // Chromium does not offer to install from an incognito profile, which browser.newContext()
    // makes: this test has a profile of its own.
    const profile = await mkdtemp(join(tmpdir(), 'durand-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: browserArgs,
    });
    try {
      const page = await context.newPage();
      await page.goto(baseURL);
      await waitUntilControlled(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);

      const icons = await page.evaluate(async () => {
        const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
        const manifest = (await (await fetch(link.href)).json()) as {
          icons: { src: string; sizes: string; purpose: string }[];
        };
        return Promise.all(
          manifest.icons.map(async ({ src, sizes, purpose }) => {
            const image = new Image();
            image.src = new URL(src, link.href).href;
            await image.decode();
            return { purpose, sizes, drawn: `${image.naturalWidth}x${image.naturalHeight}` };
          }),
        );
      });
      for (const { sizes, drawn } of icons) expect(drawn).toBe(sizes);
      expect(icons.map(({ purpose, sizes }) => `${purpose} ${sizes}`).toSorted()).toEqual([
        'any 192x192',
        'any 512x512',
        'maskable 512x512',
      ]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('precaches the page, its code, icons and every data file, and nothing else', async () => {
    const { page } = await openEmbeddedApp(browser, baseURL);
    await waitUntilControlled(page);

    const precached = await precachedPaths(page);
    const built = await listFiles(builtDir);
    const expected = built.filter(
      (path) =>
        ['index.html', 'manifest.webmanifest', 'favicon.svg'].includes(path) ||
        /^icons\/.+\.png$/.test(path) ||
        /^assets\/[^/]+\.(js|mjs|css)$/.test(path) ||
        /^data\/.+\.geojson$/.test(path),
    );
    expect(expected).toEqual(
      expect.arrayContaining([
        'data/incidents.geojson',
        'data/durand-line.geojson',
        'data/basemap/countries.geojson',
        'data/basemap/places.geojson',
      ]),
    );
    expect(expected.some((path) => /^assets\/maplibre-gl-worker-.+\.mjs$/.test(path))).toBe(true);
    expect(expected.some((path) => /^assets\/incident\.worker-.+\.js$/.test(path))).toBe(true);
    expect(precached.toSorted()).toEqual(expected.toSorted());

    const sizes = await Promise.all(
      precached.map(async (path) => [path, (await stat(join(builtDir, path))).size] as const),
    );
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    console.log(
      `precache: ${precached.length} files, ${(total / 1024).toFixed(0)} KiB\n` +
        sizes
          .toSorted((a, b) => b[1] - a[1])
          .map(([path, size]) => `  ${(size / 1024).toFixed(1).padStart(8)} KiB  ${path}`)
          .join('\n'),
    );
    expect(total).toBeLessThan(PRECACHE_BUDGET_BYTES);
  });

  it('reloads with the network off: the dashboard, its map and every embedded incident', async () => {
    const app = await openEmbeddedApp(browser, baseURL);
    const { page, context } = app;
    await waitUntilControlled(page);
    const precached = new Set(await precachedPaths(page));

    const failed: string[] = [];
    const served: { path: string; fromServiceWorker: boolean }[] = [];
    context.on('requestfailed', (request) => failed.push(request.url()));
    context.on('response', (response) => {
      if (!response.url().startsWith(baseURL)) return;
      served.push({
        path: pathOf(response.url()),
        fromServiceWorker: response.fromServiceWorker(),
      });
    });
    await context.setOffline(true);
    await page.reload();

    await waitForMapIdle(page);
    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.locator('canvas.maplibregl-canvas').first().isVisible()).toBe(true);
    // The only request that may fail is the browser's own check for a new sw.js.
    expect(failed.filter((url) => precached.has(pathOf(url)))).toEqual([]);
    expect(failed.map(pathOf).filter((path) => path !== 'sw.js')).toEqual([]);
    const dataServed = served.filter(({ path }) => path.startsWith('data/'));
    expect(dataServed.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['data/incidents.geojson', 'data/basemap/countries.geojson']),
    );
    // Everything the page, its workers and the map loaded came from the service worker's cache.
    expect(served.filter(({ fromServiceWorker }) => !fromServiceWorker)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });

  it('caches no ?data= URL: offline, the embedded incidents show instead, with the reason', async () => {
    const { features } = JSON.parse(
      await readFile(join(builtDir, 'data/incidents.geojson'), 'utf8'),
    ) as { features: unknown[] };
    const userFile = { type: 'FeatureCollection', features: features.slice(0, 3) };
    const serveUserFile = async (page: Page) => {
      await page.route('**/fixtures/user-data.geojson', (route) =>
        route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(userFile) }),
      );
    };
    const app = await openAppPage(
      browser,
      `${baseURL}?data=fixtures/user-data.geojson`,
      serveUserFile,
    );
    const { page, context } = app;
    await expect.poll(() => countOf(page)).toBe(3);
    await waitUntilControlled(page);
    // Read again with the service worker in control: it passes the request on and keeps nothing.
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => countOf(page)).toBe(3);
    expect((await cachedUrls(page)).filter((url) => url.includes('user-data'))).toEqual([]);

    await page.unroute('**/fixtures/user-data.geojson');
    await context.setOffline(true);
    await page.reload();

    await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'fixtures/user-data.geojson' }).count())
      .toBe(1);
    expect(await page.getByRole('alert').first().textContent()).toContain(
      'Showing the embedded incidents instead.',
    );
    expect(app.pageErrors).toEqual([]);
  });

  // A returning visit's page is controlled from the start; a first visit's is taken over by the
  // worker once it has installed, which the plugin alone would not reload after an update.
  it.each([
    { visit: 'a returning visit', reloadFirst: true },
    { visit: 'the first visit', reloadFirst: false },
  ])(
    'offers a new version on $visit without forcing it; Reload switches to it',
    async ({ reloadFirst }) => {
      const app = await openEmbeddedApp(browser, baseURL);
      const { page } = app;
      await waitUntilControlled(page);
      if (reloadFirst) {
        await page.reload();
        await waitForMapIdle(page);
      }
      const notice = page.getByRole('status', { name: 'App update' });
      expect(await notice.textContent()).toBe('');

      // A new deployment: any byte of sw.js changed. The build is this test run's own (see
      // global-setup.ts), and the file is put back whatever happens.
      const swPath = join(builtDir, 'sw.js');
      const original = await readFile(swPath, 'utf8');
      try {
        await writeFile(swPath, `${original}\n// a new version, ${Date.now()}\n`);
        await page.evaluate(() => {
          (window as { beforeUpdate?: boolean }).beforeUpdate = true;
        });
        await page.evaluate(async () => {
          await (await navigator.serviceWorker.getRegistration())?.update();
        });

        await expect
          .poll(() => notice.textContent(), { timeout: 30_000 })
          .toBe('A new version is readyReloadDismiss');
        // Offered, not forced: the page is the same one, and the new worker waits.
        expect(await page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate)).toBe(
          true,
        );
        expect(await waitingWorker(page)).toBe(true);

        await Promise.all([
          page.waitForEvent('load', { timeout: 30_000 }),
          notice.getByRole('button', { name: 'Reload' }).click(),
        ]);
        await waitForMapIdle(page);
        await expect.poll(() => countOf(page)).toBe(EMBEDDED_COUNT);
        expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
        expect(await waitingWorker(page)).toBe(false);
        expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
        expect(await notice.textContent()).toBe('');
        expect(app.pageErrors).toEqual([]);
      } finally {
        await writeFile(swPath, original);
      }
    },
  );
});

// --- Helpers ----------------------------------------------------------------------------------

/**
 * Waits until a service worker is active and controls the page. On a first visit it takes the
 * page over once it has precached everything (clientsClaim), without a reload.
 */
async function waitUntilControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}

/** Whether a new service worker is installed and waiting to take over. */
function waitingWorker(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return Boolean(registration?.waiting);
  });
}

/** The URLs of every response in the page's Cache Storage, cache by cache (`name url`). */
function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(`${name} ${request.url}`);
    }
    return urls;
  });
}

/** The paths, relative to the app, of what the service worker's precache holds. */
async function precachedPaths(page: Page): Promise<string[]> {
  const names = await page.evaluate(() => caches.keys());
  // Workbox's precache is the one cache: nothing is cached at run time.
  expect(names).toEqual([expect.stringMatching(/^workbox-precache-v2-/)]);
  return (await cachedUrls(page)).map((entry) => pathOf(entry.split(' ')[1]!));
}

/** A URL of the app as a path relative to its root, without Workbox's revision parameter. */
function pathOf(url: string): string {
  const { pathname } = new URL(url);
  return pathname.slice(new URL(baseURL).pathname.length);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
