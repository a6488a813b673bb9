// What a person feels when a crafted file or link is opened: for each hostile input of the
// hostile-size set (the browser tests' own fixtures), the longest main-thread task, the slowest
// round trip to the page (page.evaluate) while it loads, and the time until the page shows the
// result or its message. Served from localhost: text fixtures by a small server of this script,
// the dripping, oversized, compressed and SVG bodies by the tests' hostile server.
//
//   npm run bench:hostile -- [--runs 3] [--build] [--only many-types,svg]
//
// Each case's longest task is also given as a ratio to the baseline (the page opening on its
// embedded data) measured in the same run. The last line is machine-readable:
// BENCH {"hostile": {case: medians}}.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import {
  bidiCollection,
  duplicateIdsCollection,
  hugeColumnCsv,
  hugeIdCollection,
  hugePropertyNameCollection,
  hugeTypeCollection,
  manyTypesCollection,
} from '../e2e/fixtures/hostile-text';
import { startHostileServer } from '../e2e/fixtures/hostile-servers';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    build: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
  },
});
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs takes a count, got ${options.runs}`);

/** The limits the URL cases open with (localStorage, as a user may set them): small, so quick. */
const LIMITS_KEY = 'durand-line-map:load-limits';

interface Case {
  name: string;
  /** A text fixture served by this script, or a path of the hostile server. */
  body?: () => string;
  path?: string;
  limits?: { maxMegabytes?: number; stallSeconds?: number };
}

const CASES: Case[] = [
  // The page opening on its embedded data: what every case below is compared with.
  { name: 'baseline' },
  { name: 'property-name-20mb', body: () => hugePropertyNameCollection() },
  { name: 'type-20mb', body: () => hugeTypeCollection() },
  { name: 'id-20mb', body: () => hugeIdCollection() },
  { name: 'column-name-20mb', body: () => hugeColumnCsv() },
  { name: 'many-types-60k', body: () => manyTypesCollection() },
  { name: 'duplicate-ids-100k', body: () => duplicateIdsCollection() },
  { name: 'bidi', body: () => bidiCollection() },
  { name: 'svg', path: '/image.svg' },
  { name: 'oversized', path: `/big.csv?bytes=${8_000_000}`, limits: { maxMegabytes: 2 } },
  { name: 'gzip-bomb', path: `/bomb.csv?bytes=${256_000_000}`, limits: { maxMegabytes: 16 } },
  { name: 'drip', path: '/drip.csv?ms=500', limits: { stallSeconds: 3 } },
].filter((c) => c.name === 'baseline' || !options.only || options.only.split(',').includes(c.name));

if (options.build) await build({ logLevel: 'warn', build: { outDir: 'dist' } });
const app = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const appUrl = app.resolvedUrls!.local[0]!;
const hostile = await startHostileServer();
const bodies = new Map<string, string>();
const files = createServer((request, response) => {
  const body = bodies.get(request.url ?? '');
  response.setHeader('Access-Control-Allow-Origin', '*');
  if (body === undefined) response.writeHead(404).end();
  else response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
});
await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
const filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** One opening of a case: what the page's main thread went through until it settled. */
async function measure(c: Case) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(
    ([key, limits]) => {
      localStorage.setItem(key!, limits!);
      const tasks: number[] = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      (window as unknown as { __longest: () => number }).__longest = () => Math.max(0, ...tasks);
    },
    [LIMITS_KEY, JSON.stringify(c.limits ?? {})],
  );
  const data = c.path ? hostile.url(c.path) : c.body ? `${filesUrl}/${c.name}` : null;
  const started = Date.now();
  await page.goto(data === null ? appUrl : `${appUrl}?data=${encodeURIComponent(data)}`);
  // Settled: no load in progress, and the count shows data or a message says why none loaded.
  const settled = page
    .waitForFunction(
      () => {
        const count = document.querySelector('[data-testid="incident-count"]');
        if (!count || count.getAttribute('aria-busy') === 'true') return false;
        if (document.querySelector('.load-progress')) return false;
        const shown = !/ of 0 incidents/.test(count.textContent ?? '');
        return shown || document.querySelector('[role="alert"]') !== null;
      },
      undefined,
      { timeout: 120_000, polling: 100 },
    )
    .then(() => Date.now() - started);
  let slowest = 0;
  let done = false;
  void settled.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    const sent = Date.now();
    await page.evaluate(() => 1);
    slowest = Math.max(slowest, Date.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const settledMs = await settled;
  // Whatever follows the first answer (the map drawing the data) counts too.
  await page.waitForTimeout(1000);
  const longest = await page.evaluate(() =>
    (window as unknown as { __longest: () => number }).__longest(),
  );
  await context.close();
  return {
    longest_task_ms: Math.round(longest),
    slowest_round_trip_ms: slowest,
    settled_ms: settledMs,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const result: Record<string, Record<string, number>> = {};
try {
  for (const c of CASES) {
    if (c.body) bodies.set(`/${c.name}`, c.body());
    const samples: Awaited<ReturnType<typeof measure>>[] = [];
    for (let run = 0; run < runs; run++) {
      const sample = await measure(c);
      samples.push(sample);
      console.log(
        `${c.name} run ${run + 1}: longest task ${sample.longest_task_ms} ms, slowest round trip ${sample.slowest_round_trip_ms} ms, settled in ${sample.settled_ms} ms`,
      );
    }
    bodies.delete(`/${c.name}`);
    const medians: Record<string, number> = Object.fromEntries(
      (['longest_task_ms', 'slowest_round_trip_ms', 'settled_ms'] as const).map((key) => [
        `${key.replace(/_ms$/, '')}_ms_median`,
        median(samples.map((s) => s[key])),
      ]),
    );
    // Against the page opening on its own data in the same run: what the input adds.
    const base = result.baseline?.longest_task_ms_median;
    if (base)
      medians.longest_task_vs_baseline =
        Math.round((medians.longest_task_ms_median! / base) * 100) / 100;
    result[c.name] = medians;
  }
} finally {
  await browser.close();
  await hostile.close();
  files.close();
  await new Promise((resolve) => app.httpServer.close(resolve));
}
console.log(`BENCH ${JSON.stringify({ hostile: result })}`);
