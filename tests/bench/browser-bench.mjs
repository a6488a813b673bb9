#!/usr/bin/env node
// What an analyst feels in the built app, measured in headless Chromium (Debian's chromium, driven
// by playwright-core with the flags of tests/chromium.mjs) against `vite preview`:
//
//   1. Load throughput: a ~50 MB synthetic GeoJSON opened through the "Open file…" picker, from the
//      file input's event to the count showing every feature (MB/s), to the frame after that (the
//      count on screen: rendering that frame can block the main thread), to the map's idle, and
//      the longest main-thread task meanwhile.
//   2. Navigation → count reads "N of N" → map idle, with N incidents opened with `?data=`. The
//      idle is the map's last one once it and the count have kept still for 0.5 s. The file is
//      served to the page through page.route, so the time includes Playwright shipping it over
//      the DevTools protocol; the worker-side fetch time is printed to tell the two apart.
//   3. Un-ticking the "Armed clash" type (then ticking it again): click → the count text changes,
//      and → the map idle again. The two are independent: the map may report idle before the
//      count changes.
//   4. Stepping the From date forward (`--steps` changes sent every `--step-ms` ms, `--step-days`
//      days each) through the "From date" input, as an analyst would with the keyboard: changes
//      are sent on schedule even while the page is busy, so they queue like key presses. Reports
//      the longest main-thread task, the median time from sending a change to the first count
//      update after the page handled it, and from the last change until the count and map settle.
//      This uses the date inputs.
//   5. A mouse drag across the timeline, as a hand would make it: `--drag-moves` pointer moves
//      `--drag-move-ms` apart (30 × 33 ms: a one-second gesture) from 15 % to 75 % of the track,
//      through Playwright's mouse, which waits for the page to take each event, so a busy main
//      thread stretches the gesture: how long it took to play out is the first figure. Then the
//      longest main-thread task and the slowest input event (Event Timing) from the press until
//      everything settled, and the time from the release until the count and the map settled.
//   6. The JS heap after loading: the page's (performance.memory and CDP Runtime.getHeapUsage) and
//      each worker's (CDP, through Target auto-attach), ArrayBuffer backing stores apart.
//   7. A table as a workbook: the same `--table-n` synthetic incidents as an .xlsx workbook (date
//      cells, as HDX publishes them) and as CSV, the baseline, each opened through the picker:
//      file input → count, the longest main-thread task, the progress phases the bar showed and
//      the longest gap between progress updates (a workbook is unzipped and parsed by one library
//      call, shown as an indeterminate "Unpacking" bar).
//
// Files too big to ship through page.route (1M incidents is 617 MB; base64 of that exceeds V8's
// string limit in Node) are opened with the file picker instead of `?data=`. A load the app
// refuses is reported as "failed: <the app's alert text>"; a crashed page, with how far the load got
// and the largest heaps sampled (every 2 s) before it.
//
//   npm run bench:browser -- [--runs 5] [--sizes 100000,1000000] [--skip-1m] [--build]
//       [--out-dir dist]   (another directory, e.g. test-results/bench-dist, keeps a rebuild from
//                           swapping files under a running `vite preview` of dist/)
//       [--load-n 80000] [--skip-load] [--table-n 100000] [--skip-table]
//       [--steps 20] [--step-ms 50] [--step-days 30]
//       [--drag-moves 30] [--drag-move-ms 33] [--seed 1] [--timeout ms]
//
// BENCH_VERBOSE=1 also prints, for each drag, its long tasks, the page events around each, and
// the long animation frames over 100 ms with the scripts in them (where the time went).
//
// Synthetic files are generated into .synthetic/ (gitignored) when missing, with the generator
// behind `npm run gen`. Every run uses a fresh browser context; each figure is printed per run and
// as the median of the runs. Page-side times come from performance.now() taken in the page: input
// and click listeners (capture phase) for the start, a MutationObserver on the count element and on
// <html data-map-state> for the ends. The last line is machine-readable: BENCH {...medians}.
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const viteBin = 'node_modules/vite/bin/vite.js';
/** No single wait of this benchmark lasts longer. */
const MAX_STEP_MS = 10 * 60_000;
/** Larger files go through the file picker: page.route would hold them base64-encoded in Node. */
const MAX_ROUTED_BYTES = 300e6;
const ONE_MILLION = 1_000_000;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '100000,1000000' },
    'skip-1m': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'out-dir': { type: 'string', default: 'dist' },
    'load-n': { type: 'string', default: '80000' },
    'skip-load': { type: 'boolean', default: false },
    'table-n': { type: 'string', default: '100000' },
    'skip-table': { type: 'boolean', default: false },
    steps: { type: 'string', default: '20' },
    'step-ms': { type: 'string', default: '50' },
    'step-days': { type: 'string', default: '30' },
    'drag-moves': { type: 'string', default: '30' },
    'drag-move-ms': { type: 'string', default: '33' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string' },
  },
});
const runs = positiveInteger('runs');
const loadCount = positiveInteger('load-n');
const tableCount = positiveInteger('table-n');
const steps = positiveInteger('steps');
const stepMs = positiveInteger('step-ms');
const stepDays = positiveInteger('step-days');
const dragMoves = positiveInteger('drag-moves');
const dragMoveMs = positiveInteger('drag-move-ms');
const seed = Number(options.seed);
if (!Number.isInteger(seed) || seed < 0)
  fail(`--seed must be a whole number, got "${options.seed}"`);
const sizes = options.sizes
  .split(',')
  .filter((s) => s.trim() !== '')
  .map((s) => {
    const n = Number(s);
    if (!Number.isSafeInteger(n) || n < 1) fail(`--sizes takes counts, got "${s}"`);
    return n;
  })
  .filter((n) => !(options['skip-1m'] && n >= ONE_MILLION));
let fixedTimeout = null;
if (options.timeout !== undefined) {
  fixedTimeout = Number(options.timeout);
  if (!(fixedTimeout > 0))
    fail(`--timeout must be a positive number of ms, got "${options.timeout}"`);
  fixedTimeout = Math.min(fixedTimeout, MAX_STEP_MS);
}
if (!existsSync(chromiumPath)) {
  fail(
    `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium ` +
      'fonts-dejavu-core` (Debian), or set CHROMIUM_PATH.',
  );
}

/** Child processes to kill whatever happens. */
const children = new Set();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const outDir = options['out-dir'];
if (options.build || !existsSync(`${root}${outDir}/index.html`)) {
  console.log(`building into ${outDir}/…`);
  await runNode([viteBin, 'build', '--outDir', outDir, '--logLevel', 'warn'], 'vite build');
}

// Data first: generating 1M takes a while and should not run beside the browser.
const loadFile = options['skip-load'] ? null : await syntheticFile(loadCount);
const tableFiles = options['skip-table']
  ? null
  : {
      csv: await syntheticFile(tableCount, 'csv'),
      xlsx: await syntheticFile(tableCount, 'xlsx'),
    };
const sizeFiles = new Map();
for (const n of sizes) sizeFiles.set(n, await syntheticFile(n));

const port = await findFreePort();
const baseURL = `http://127.0.0.1:${port}/`;
// node vite.js, never npx: killing an npx wrapper would leave vite running.
const server = spawn(
  process.execPath,
  [
    viteBin,
    'preview',
    '--outDir',
    outDir,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
children.add(server);

const bench = {};
let browser;
try {
  await waitUntilServing(baseURL);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...chromiumArgs,
      // Exact performance.memory figures instead of coarse, rarely refreshed buckets.
      '--enable-precise-memory-info',
      // Offline: no host name but localhost resolves.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  console.log(`${baseURL} · ${runs} run(s) · Chromium ${browser.version()}`);

  if (loadFile) bench.load = await benchLoad(browser, loadFile);
  if (tableFiles) bench.table = await benchTable(browser, tableFiles);
  for (const [n, file] of sizeFiles) bench[`n${n}`] = await benchSize(browser, n, file);

  printTable(bench);
  console.log(`BENCH ${JSON.stringify(bench)}`);
} finally {
  await withTimeout(browser?.close() ?? Promise.resolve(), 30_000, 'closing Chromium').catch(
    (error) => console.error(error.message),
  );
  server.kill('SIGTERM');
  children.delete(server);
}

// ---------------------------------------------------------------------------------------------
// 1. Load throughput through the file picker

async function benchLoad(browser, file) {
  const mb = file.bytes / 1e6;
  heading(`Load: ${basename(file.path)}, ${file.count} features, ${mb.toFixed(2)} MB, file picker`);
  const results = [];
  const failures = [];
  for (let run = 1; run <= runs; run++) {
    const session = await openSession(browser, stepTimeoutFor(file.bytes));
    try {
      await session.page.goto(baseURL, { waitUntil: 'commit' });
      await waitForReadyApp(session);
      const opened = await openWithPicker(session, file);
      if (!opened.ok) {
        failures.push(opened.message);
        console.log(`run ${run}: failed: ${opened.message}`);
        continue;
      }
      const longest = await longestTask(session, opened.start, Math.max(opened.shown, opened.idle));
      const result = {
        ms: opened.count - opened.start,
        mbPerS: mb / ((opened.count - opened.start) / 1000),
        shownMs: opened.shown - opened.start,
        idleMs: opened.idle - opened.start,
        longestTaskMs: longest.max,
      };
      results.push(result);
      console.log(
        `run ${run}: count after ${ms(result.ms)} (${result.mbPerS.toFixed(1)} MB/s), ` +
          `on screen after ${ms(result.shownMs)}, map idle after ${ms(result.idleMs)}, ` +
          `longest task ${ms(longest.max)} ` +
          `(${longest.count} long tasks, ${ms(longest.total)} in all)`,
      );
    } catch (error) {
      failures.push(describeError(error, session));
      console.log(`run ${run}: failed: ${describeError(error, session)}`);
    } finally {
      await session.close();
    }
  }
  return {
    file_mb: round(mb, 2),
    features: file.count,
    count_ms_median: medianOf(results, 'ms'),
    mb_per_s_median: medianOf(results, 'mbPerS', 2),
    shown_ms_median: medianOf(results, 'shownMs'),
    idle_ms_median: medianOf(results, 'idleMs'),
    longest_task_ms_median: medianOf(results, 'longestTaskMs'),
    ok_runs: results.length,
    ...(failures.length ? { failures } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// 7. A table as a workbook and as CSV

async function benchTable(browser, files) {
  const mb = (file) => round(file.bytes / 1e6, 2);
  heading(
    `Table: ${tableCount} rows as .xlsx (${mb(files.xlsx)} MB) and as CSV (${mb(files.csv)} MB), file picker`,
  );
  const results = { csv: [], xlsx: [] };
  const failures = [];
  for (let run = 1; run <= runs; run++) {
    for (const kind of ['csv', 'xlsx']) {
      const file = files[kind];
      const session = await openSession(browser, stepTimeoutFor(file.bytes * 4));
      try {
        await session.page.goto(baseURL, { waitUntil: 'commit' });
        await waitForReadyApp(session);
        const opened = await openWithPicker(session, file);
        if (!opened.ok) throw new Error(opened.message);
        const longest = await longestTask(session, opened.start, opened.shown);
        const progress = await evaluate(
          session,
          ({ from, to }) => window.__bench.progress(from, to),
          { from: opened.start, to: opened.count },
        );
        const result = {
          ms: opened.count - opened.start,
          longestTaskMs: longest.max,
          stillMs: progress.longestStill,
          phases: progress.phases,
        };
        results[kind].push(result);
        console.log(
          `run ${run} ${kind}: count after ${ms(result.ms)}, longest task ${ms(longest.max)}, ` +
            `progress gap at most ${ms(result.stillMs)}, phases ${result.phases.join(' → ')}`,
        );
      } catch (error) {
        failures.push(`${kind}: ${describeError(error, session)}`);
        console.log(`run ${run} ${kind}: failed: ${describeError(error, session)}`);
      } finally {
        await session.close();
      }
    }
  }
  const csvMs = medianOf(results.csv, 'ms');
  const xlsxMs = medianOf(results.xlsx, 'ms');
  return {
    rows: tableCount,
    xlsx_mb: mb(files.xlsx),
    csv_mb: mb(files.csv),
    xlsx_count_ms_median: xlsxMs,
    csv_count_ms_median: csvMs,
    xlsx_to_csv_ratio: isNumber(xlsxMs) && isNumber(csvMs) ? round(xlsxMs / csvMs, 2) : null,
    xlsx_longest_task_ms_median: medianOf(results.xlsx, 'longestTaskMs'),
    csv_longest_task_ms_median: medianOf(results.csv, 'longestTaskMs'),
    xlsx_progress_gap_ms_median: medianOf(results.xlsx, 'stillMs'),
    xlsx_phases: results.xlsx[0]?.phases ?? [],
    ok_runs: Math.min(results.csv.length, results.xlsx.length),
    ...(failures.length ? { failures } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// 2–5. One dataset size: open, heap, type toggle, date stepping

async function benchSize(browser, n, file) {
  const viaUrl = file.bytes <= MAX_ROUTED_BYTES;
  const mb = file.bytes / 1e6;
  heading(
    `${n} incidents: ${basename(file.path)}, ${mb.toFixed(1)} MB, opened ` +
      (viaUrl ? `with ?data=synthetic/incidents-${n}.geojson` : 'with the file picker'),
  );
  const results = [];
  const failures = [];
  for (let run = 1; run <= runs; run++) {
    const session = await openSession(browser, stepTimeoutFor(file.bytes));
    const result = {};
    const notes = [];
    try {
      // Open.
      let opened;
      if (viaUrl) {
        const path = `synthetic/incidents-${n}.geojson`;
        await session.page.route(`**/${path}`, (route) =>
          route.fulfill({ path: file.path, contentType: 'application/geo+json' }),
        );
        await session.page.goto(`${baseURL}?data=${path}`, { waitUntil: 'commit' });
        // Navigation start is performance.now() = 0.
        opened = await waitForLoad(session, file.count, { start: 0 });
        if (opened.ok) {
          result.fetchMs = await workerFetchTime(session, path);
          notes.push(`fetch in the worker ${ms(result.fetchMs)}`);
        }
      } else {
        await session.page.goto(baseURL, { waitUntil: 'commit' });
        await waitForReadyApp(session);
        opened = await openWithPicker(session, file);
      }
      result.heap = await measureHeap(session);
      result.peakHeap = opened.peakHeap;
      notes.push(`heap after ${describeHeap(result.heap)}`);
      notes.push(`peak heap seen while loading (2 s samples) ${describeHeap(opened.peakHeap)}`);
      if (!opened.ok) {
        const message = `failed: ${opened.message}`;
        failures.push(opened.message);
        console.log(
          `run ${run}: ${message} (after ${ms(opened.at - (opened.start ?? 0))}); ${notes.join('; ')}`,
        );
        results.push(result);
        continue;
      }
      result.countMs = opened.count - opened.start;
      result.shownMs = opened.shown - opened.start;
      result.idleMs = opened.idle - opened.start;
      if (!viaUrl) result.mbPerS = mb / (result.countMs / 1000);
      const loadLongest = await longestTask(
        session,
        opened.start,
        Math.max(opened.shown, opened.idle),
      );
      result.loadLongestTaskMs = loadLongest.max;
      console.log(
        `run ${run}: ${viaUrl ? 'navigation' : 'file input'} → count ${ms(result.countMs)}` +
          (viaUrl ? '' : ` (${result.mbPerS.toFixed(1)} MB/s)`) +
          `, on screen ${ms(result.shownMs)}` +
          ` → map idle ${ms(result.idleMs)}; longest task ${ms(loadLongest.max)}; ${notes.join('; ')}`,
      );

      // Drag across the timeline, then clear the range it drew.
      const drag = await benchDrag(session);
      Object.assign(result, drag);
      console.log(
        `       timeline drag (${dragMoves} moves, ${dragMoveMs} ms apart): gesture took ` +
          `${ms(drag.dragGestureMs)}, longest task ${ms(drag.dragLongestTaskMs)} ` +
          `(${drag.dragLongTasks} long tasks), slowest input event ${ms(drag.dragMaxEventMs)}, ` +
          `release → count and map settled ${ms(drag.dragSettleMs)}; ${drag.dragCountUpdates} ` +
          `count updates`,
      );

      // Un-tick, then tick again, "Armed clash".
      const toggle = await benchToggle(session);
      Object.assign(result, toggle);
      console.log(
        `       Armed clash off: count ${ms(toggle.toggleCountMs)}, on screen ` +
          `${ms(toggle.toggleShownMs)}, map idle ${ms(toggle.toggleIdleMs)}, longest task ` +
          `${ms(toggle.toggleLongestTaskMs)} · on again: count ${ms(toggle.retickCountMs)}, on ` +
          `screen ${ms(toggle.retickShownMs)}, map idle ${ms(toggle.retickIdleMs)}`,
      );

      // Step the From date forward.
      const dates = await benchDates(session);
      Object.assign(result, dates);
      console.log(
        `       From date ×${dates.changes}, ${stepMs} ms apart: change → count median ` +
          `${ms(dates.changeCountMs)} (max ${ms(dates.changeCountMaxMs)}; input delay median ` +
          `${ms(dates.inputDelayMs)}; ${dates.countUpdates} count updates), ` +
          `last change → count and map settled ${ms(dates.settleMs)}, ` +
          `longest task ${ms(dates.longestTaskMs)} (${dates.longTasks} long tasks)`,
      );
      results.push(result);
    } catch (error) {
      const message = describeError(error, session);
      failures.push(message);
      console.log(`run ${run}: failed: ${message}`);
      if (Object.keys(result).length) results.push(result);
    } finally {
      await session.close();
    }
  }
  const heaps = results.map((r) => r.heap).filter(Boolean);
  const peaks = results.map((r) => r.peakHeap).filter(Boolean);
  return {
    file_mb: round(mb, 1),
    opened_with: viaUrl ? 'url' : 'picker',
    count_ms_median: medianOf(results, 'countMs'),
    shown_ms_median: medianOf(results, 'shownMs'),
    idle_ms_median: medianOf(results, 'idleMs'),
    ...(viaUrl
      ? { worker_fetch_ms_median: medianOf(results, 'fetchMs') }
      : { mb_per_s_median: medianOf(results, 'mbPerS', 2) }),
    load_longest_task_ms_median: medianOf(results, 'loadLongestTaskMs'),
    toggle_count_ms_median: medianOf(results, 'toggleCountMs'),
    toggle_shown_ms_median: medianOf(results, 'toggleShownMs'),
    toggle_idle_ms_median: medianOf(results, 'toggleIdleMs'),
    toggle_longest_task_ms_median: medianOf(results, 'toggleLongestTaskMs'),
    toggle_max_event_ms_median: medianOf(results, 'toggleMaxEventMs'),
    retick_count_ms_median: medianOf(results, 'retickCountMs'),
    retick_shown_ms_median: medianOf(results, 'retickShownMs'),
    retick_idle_ms_median: medianOf(results, 'retickIdleMs'),
    date_change_count_ms_median: medianOf(results, 'changeCountMs'),
    date_input_delay_ms_median: medianOf(results, 'inputDelayMs'),
    date_longest_task_ms_median: medianOf(results, 'longestTaskMs'),
    date_settle_ms_median: medianOf(results, 'settleMs'),
    date_max_event_ms_median: medianOf(results, 'maxEventMs'),
    drag_gesture_ms_median: medianOf(results, 'dragGestureMs'),
    drag_longest_task_ms_median: medianOf(results, 'dragLongestTaskMs'),
    drag_max_event_ms_median: medianOf(results, 'dragMaxEventMs'),
    drag_settle_ms_median: medianOf(results, 'dragSettleMs'),
    heap_mb_median: {
      page: median(heaps.map((h) => h.pageUsed).filter(isNumber), 1),
      page_array_buffers: median(heaps.map((h) => h.pageBuffers).filter(isNumber), 1),
      engine_worker: median(heaps.map((h) => h.engineUsed).filter(isNumber), 1),
      engine_worker_array_buffers: median(heaps.map((h) => h.engineBuffers).filter(isNumber), 1),
      maplibre_workers: median(heaps.map((h) => h.maplibreUsed).filter(isNumber), 1),
    },
    peak_heap_while_loading_mb_median: {
      page: median(peaks.map((h) => h.pageUsed).filter(isNumber), 1),
      engine_worker: median(peaks.map((h) => h.engineUsed).filter(isNumber), 1),
      engine_worker_array_buffers: median(peaks.map((h) => h.engineBuffers).filter(isNumber), 1),
    },
    ok_runs: results.filter((r) => r.settleMs !== undefined).length,
    ...(failures.length ? { failures } : {}),
  };
}

async function benchToggle(session) {
  const { page } = session;
  const box = page.getByRole('checkbox', { name: /^Armed clash/ });
  const result = {};
  for (const [label, key] of [
    ['off', 'toggle'],
    ['on', 'retick'],
  ]) {
    const mark = await pageNow(session);
    await box.click();
    const outcome = await waitInPage(
      session,
      (mark) => window.__bench.afterClick(mark),
      mark,
      `the count and map to follow ticking Armed clash ${label}`,
    );
    result[`${key}CountMs`] = outcome.count - outcome.start;
    result[`${key}ShownMs`] = outcome.shown - outcome.start;
    result[`${key}IdleMs`] = outcome.idle - outcome.start;
    if (key === 'toggle') {
      const end = Math.max(outcome.shown, outcome.idle);
      const longest = await longestTask(session, outcome.start, end);
      result.toggleLongestTaskMs = longest.max;
      result.toggleMaxEventMs = longest.maxEvent;
    }
  }
  return result;
}

/**
 * Steps the From date forward like an analyst pressing a key every `stepMs`: the changes are sent on
 * that schedule whether or not the page has handled the previous one (Playwright's fill with
 * `force`, not awaited in between), so a busy page sees them queue up as real key presses would.
 * Each change's latency runs from when it was sent to the frame after the first count update that
 * follows the page's handling of it (a later answer can only be for that change or a newer one:
 * older answers are dropped).
 */
async function benchDates(session) {
  const { page } = session;
  const fromInput = page.getByLabel('From date');
  const first = await fromInput.getAttribute('min');
  const last = await page.getByLabel('To date').getAttribute('max');
  if (!first || !last) throw new Error('the date inputs have no min/max: is any data loaded?');
  const dates = [];
  for (let i = 1; i <= steps; i++) {
    const day = addDays(first, i * stepDays);
    if (day >= last) break;
    dates.push(day);
  }
  if (dates.length === 0) throw new Error(`no From date to step to between ${first} and ${last}`);
  const offset = await clockOffset(session);
  const mark = await pageNow(session);
  const sent = [];
  const fills = [];
  const started = Date.now();
  for (const [i, day] of dates.entries()) {
    const wait = started + i * stepMs - Date.now();
    if (wait > 0) await sleep(wait);
    sent.push(Date.now() + offset);
    fills.push(fromInput.fill(day, { force: true }));
  }
  await Promise.all(fills);
  const outcome = await waitInPage(
    session,
    ({ mark, lastValue }) => window.__bench.afterDates(mark, lastValue),
    { mark, lastValue: dates.at(-1) },
    'the count and map to settle after the date changes',
  );
  const latencies = [];
  const inputDelays = [];
  for (const [i, day] of dates.entries()) {
    const handled = outcome.changes.find((c) => c.value === day);
    if (!handled) continue;
    inputDelays.push(handled.t - sent[i]);
    const counted = outcome.counts.find((t) => t >= handled.t);
    if (counted === undefined) continue;
    const shown = outcome.shown.find((e) => e.changed === counted)?.t ?? counted;
    latencies.push(shown - sent[i]);
  }
  // Settled: the count shows the last change's answer and the map is idle.
  const settled = Math.max(
    outcome.idle,
    outcome.counts.at(-1) ?? -Infinity,
    outcome.shown.at(-1)?.t ?? -Infinity,
  );
  const longest = await longestTask(session, sent[0], settled);
  return {
    changes: outcome.changes.length,
    changeCountMs: median(latencies),
    changeCountMaxMs: latencies.length ? Math.max(...latencies) : null,
    inputDelayMs: median(inputDelays),
    countUpdates: outcome.counts.length,
    settleMs: settled - sent.at(-1),
    longestTaskMs: longest.max,
    longTasks: longest.count,
    maxEventMs: longest.maxEvent,
  };
}

/**
 * A one-second mouse drag across the timeline (`dragMoves` moves `dragMoveMs` apart, from 15 % to
 * 75 % of the track's width), then "Clear". Each move is sent on schedule but only after the page
 * has taken the previous one (Playwright waits for the renderer to acknowledge an input event), as
 * with a real mouse, whose events the browser coalesces while the page is busy: the gesture's
 * duration is what a hand would feel. Settled: the count shows the final range's answer, the map
 * is idle, and neither has moved for 0.5 s.
 */
async function benchDrag(session) {
  const { page } = session;
  const track = page.getByTestId('timeline-track');
  const box = await track.boundingBox();
  if (!box) throw new Error('the timeline track is not on screen');
  const y = box.y + box.height / 2;
  const xAt = (fraction) => box.x + box.width * fraction;
  await page.mouse.move(xAt(0.15), y);
  const mark = await pageNow(session);
  const started = Date.now();
  await page.mouse.down();
  for (let i = 1; i <= dragMoves; i++) {
    const wait = started + i * dragMoveMs - Date.now();
    if (wait > 0) await sleep(wait);
    await page.mouse.move(xAt(0.15 + (0.6 * i) / dragMoves), y);
  }
  await page.mouse.up();
  const gestureMs = Date.now() - started;
  const outcome = await waitInPage(
    session,
    (mark) => window.__bench.afterGesture(mark),
    mark,
    'the count and map to settle after the timeline drag',
  );
  const longest = await longestTask(session, outcome.start, outcome.settled);
  if (process.env.BENCH_VERBOSE) {
    const tasks = await evaluate(
      session,
      ({ from, to }) =>
        window.__longTasks
          .filter((e) => e.startTime >= from && e.startTime <= to)
          .map((e) => `+${Math.round(e.startTime - from)}:${Math.round(e.duration)}`),
      { from: outcome.start, to: outcome.settled },
    );
    console.log(`       drag long tasks (start after the press: ms): ${tasks.join(' ')}`);
    const around = await evaluate(
      session,
      ({ from, to }) => {
        const long = window.__longTasks.filter((e) => e.startTime >= from && e.startTime <= to);
        return long.map((task) =>
          window.__bench.events
            .filter(
              (e) => e.t >= task.startTime - 150 && e.t <= task.startTime + task.duration + 50,
            )
            .map((e) => `${Math.round(e.t - task.startTime)}:${e.kind}`)
            .join(' '),
        );
      },
      { from: outcome.start, to: outcome.settled },
    );
    for (const line of around) console.log(`       around it: ${line}`);
    const frames = await evaluate(
      session,
      ({ from, to }) =>
        window.__longFrames
          .filter((e) => e.startTime >= from && e.startTime <= to && e.duration > 100)
          .map(
            (e) =>
              `+${Math.round(e.startTime - from)} ${Math.round(e.duration)} ms (blocking ${Math.round(e.blocking)}, render ${Math.round(e.render)}): ${e.scripts.join(' ; ')}`,
          ),
      { from: outcome.start, to: outcome.settled },
    );
    for (const line of frames) console.log(`       long frame ${line}`);
    console.log(
      `       long frames seen: ${await evaluate(session, () => window.__longFrames.length)}`,
    );
  }
  const result = {
    dragGestureMs: gestureMs,
    dragLongestTaskMs: longest.max,
    dragLongTasks: longest.count,
    dragMaxEventMs: longest.maxEvent,
    dragSettleMs: outcome.settled - outcome.end,
    dragCountUpdates: outcome.counts,
  };
  // Back to all dates for the measures that follow.
  const clearMark = await pageNow(session);
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await waitInPage(
    session,
    (mark) => window.__bench.afterGesture(mark, 'click'),
    clearMark,
    'the page to settle after clearing the drawn range',
  );
  return result;
}

/** Page performance.now() = Node's Date.now() + offset, from the quickest of five round trips. */
async function clockOffset(session) {
  let best = null;
  for (let i = 0; i < 5; i++) {
    const before = Date.now();
    const pageTime = await pageNow(session);
    const after = Date.now();
    if (!best || after - before < best.rtt) {
      best = { rtt: after - before, offset: pageTime - (before + after) / 2 };
    }
  }
  return best.offset;
}

// ---------------------------------------------------------------------------------------------
// The page side

/**
 * Installed before the app's scripts: records long tasks, file and date input events, clicks, and
 * every change of the count text, of <html data-map-state> and of the alerts, each with
 * performance.now(); and the helpers the waits poll.
 */
function pageRecorder() {
  const events = [];
  const longTasks = [];
  window.__longTasks = longTasks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push({ duration: entry.duration, startTime: entry.startTime });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task API: the longest task reads null.
  }
  // Event Timing: from the input to the next paint after its handlers, for every event over 16 ms.
  const slowEvents = [];
  window.__slowEvents = slowEvents;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        slowEvents.push({ name: entry.name, duration: entry.duration, startTime: entry.startTime });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    // No Event Timing: the slowest event reads null.
  }
  const log = (kind, value) => events.push({ kind, value, t: performance.now() });
  // Long animation frames and the scripts in them, for BENCH_VERBOSE reports.
  const longFrames = [];
  window.__longFrames = longFrames;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longFrames.push({
          startTime: entry.startTime,
          duration: entry.duration,
          blocking: entry.blockingDuration,
          render: entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0,
          scripts: entry.scripts.map(
            (s) =>
              `${s.invoker}|${s.sourceFunctionName}@${(s.sourceURL || '').split('/').pop()}:${s.sourceCharPosition}=${Math.round(s.duration)}(forced layout ${Math.round(s.forcedStyleAndLayoutDuration)})`,
          ),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API.
  }
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (target?.type === 'file') log('file', null);
      else if (target?.type === 'date') log('date', target.value);
    },
    true,
  );
  document.addEventListener('change', (event) => {
    if (event.target?.type === 'file') log('file', null);
  }, true); // prettier-ignore
  document.addEventListener('click', () => log('click', null), true);
  document.addEventListener('pointerdown', () => log('pointerdown', null), true);
  document.addEventListener('pointerup', () => log('pointerup', null), true);

  let count;
  let busy;
  let mapState;
  let alerts = '';
  let progressBar = null;
  const check = () => {
    const element = document.querySelector('[data-testid="incident-count"]');
    const text = element?.textContent ?? null;
    if (text !== count) {
      log('count', (count = text));
      // The next frame after the change: the count is on screen (to within a frame) even when
      // the rendering of this frame blocks the main thread.
      const changed = events.at(-1).t;
      requestAnimationFrame(() =>
        setTimeout(() =>
          events.push({ kind: 'shown', value: text, t: performance.now(), changed }),
        ),
      );
    }
    const nowBusy = element?.getAttribute('aria-busy') ?? null;
    if (nowBusy !== busy) log('busy', (busy = nowBusy));
    const state = document.documentElement?.dataset.mapState;
    if (state !== mapState) log('map', (mapState = state));
    const alertText = [...document.querySelectorAll('[role="alert"]')]
      .map((alert) => {
        const text = alert.cloneNode(true);
        for (const button of text.querySelectorAll('button')) button.remove();
        return text.textContent.trim();
      })
      .filter(Boolean)
      .join(' | ');
    if (alertText !== alerts) log('alert', (alerts = alertText));
    const bar = document.querySelector('.load-progress progress');
    const barState = bar
      ? `${bar.getAttribute('aria-label')?.split(' ')[0]} ${bar.position >= 0 ? bar.value.toFixed(3) : '(indeterminate)'}`
      : null;
    if (barState !== progressBar) log('progress', (progressBar = barState));
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-map-state', 'aria-busy', 'role'],
  });

  const firstAfter = (t, kind, test = () => true) =>
    events.find((e) => e.kind === kind && e.t >= t && test(e.value));
  /**
   * The map has caught up with whatever happened at `t`: it was or went 'loading' since, is 'idle' now, and
   * neither it nor the count has moved for `quiet` ms. Returns the time of its last 'idle'. (The
   * map may report idle before or after the count changes: they follow the same answer of the
   * engine on separate paths.)
   */
  const settledSince = (t, quiet = 500) => {
    if (mapState !== 'idle') return undefined;
    const before = events.findLast((e) => e.kind === 'map' && e.t < t);
    const loadingAtT = before?.value === 'loading';
    if (!loadingAtT && !firstAfter(t, 'map', (v) => v === 'loading')) return undefined;
    const moves = events.filter((e) => ['map', 'count', 'shown'].includes(e.kind));
    if (performance.now() - moves.at(-1).t < quiet) return undefined;
    return events.findLast((e) => e.kind === 'map' && e.value === 'idle').t;
  };

  window.__bench = {
    events,
    state: () => ({
      count,
      busy,
      mapState,
      alerts,
      progress: [...document.querySelectorAll('progress')].map(
        (p) =>
          `${p.getAttribute('aria-label')} ${p.position >= 0 ? p.value.toFixed(3) : '(indeterminate)'}`,
      ),
      now: Math.round(performance.now()),
      lastEvents: events.slice(-12).map((e) => `${Math.round(e.t)} ${e.kind} ${e.value}`),
    }),
    /**
     * The progress bar from `from` to `to`: the phases it named, in order, and the longest time
     * it showed no change (a bar that stands still reads as a hung page).
     */
    progress: (from, to) => {
      const changes = events.filter((e) => e.kind === 'progress' && e.t >= from && e.t <= to);
      const phases = [];
      for (const { value } of changes) {
        const phase = value?.split(' ')[0];
        if (phase && phases.at(-1) !== phase) phases.push(phase);
      }
      const times = [from, ...changes.map((e) => e.t), to];
      let longestStill = 0;
      for (let i = 1; i < times.length; i++) {
        longestStill = Math.max(longestStill, times[i] - times[i - 1]);
      }
      return { phases, longestStill };
    },
    ready: () =>
      /^\d+ of \d+/.test(count ?? '') && busy === 'false' && mapState === 'idle' ? true : null,
    /**
     * A load started at `start` (or by the first file input event after `after`): done once the
     * count starts with "n of" and the map has settled; failed once loading has stopped and an
     * alert has appeared since the start.
     */
    /** How far a load has got: its start and when the count first read "n of". */
    loadProgress: (n, start, after) => {
      if (start === null) start = firstAfter(after, 'file')?.t ?? null;
      if (start === null) return { start };
      const counted = firstAfter(start, 'count', (v) => v?.startsWith(`${n} of `));
      return { start, count: counted?.t ?? null };
    },
    load: (n, start, after) => {
      if (start === null) {
        const input = firstAfter(after, 'file');
        if (!input) return null;
        start = input.t;
      }
      const counted = firstAfter(start, 'count', (v) => v?.startsWith(`${n} of `));
      if (counted) {
        const idle = settledSince(start);
        const shown = events.find((e) => e.kind === 'shown' && e.changed === counted.t);
        return idle && shown ? { ok: true, start, count: counted.t, shown: shown.t, idle } : null;
      }
      const alert = events.findLast((e) => e.kind === 'alert' && e.t >= start && e.value);
      if (alert && busy === 'false') {
        return { ok: false, start, at: alert.t, message: alert.value, count };
      }
      return null;
    },
    /** After the click following `after`: the count's next change and the map settled. */
    afterClick: (after) => {
      const click = firstAfter(after, 'click');
      if (!click) return null;
      const counted = firstAfter(click.t, 'count');
      const idle = counted && settledSince(click.t);
      const shown = counted && events.find((e) => e.kind === 'shown' && e.changed === counted.t);
      return idle && shown ? { start: click.t, count: counted.t, shown: shown.t, idle } : null;
    },
    /**
     * After date changes following `after`, the last one to `lastValue`: done once the map has
     * settled after the last change and nothing has moved for a second.
     */
    afterDates: (after, lastValue) => {
      const changes = events.filter((e) => e.kind === 'date' && e.t >= after);
      const last = changes.at(-1);
      if (!last || last.value !== lastValue) return null;
      const idle = settledSince(last.t, 1000);
      if (idle === undefined) return null;
      return {
        changes: changes.map(({ t, value }) => ({ t, value })),
        counts: events.filter((e) => e.kind === 'count' && e.t >= changes[0].t).map((e) => e.t),
        shown: events
          .filter((e) => e.kind === 'shown' && e.t >= changes[0].t)
          .map(({ t, changed }) => ({ t, changed })),
        idle,
      };
    },
    /**
     * After a gesture that started with the first `startKind` event following `after` and ended
     * with the last `pointerup` (or that start, for a click): settled once the map is idle and
     * neither it nor the count has moved for 0.5 s. `settled` is the latest of the end, the last
     * count on screen and the map's last idle.
     */
    afterGesture: (after, startKind = 'pointerdown') => {
      const start = firstAfter(after, startKind);
      if (!start || mapState !== 'idle') return null;
      const end =
        startKind === 'pointerdown' ? events.findLast((e) => e.kind === 'pointerup') : start;
      if (!end || end.t < start.t) return null;
      const moves = events.filter(
        (e) => e.t >= start.t && ['map', 'count', 'shown'].includes(e.kind),
      );
      const lastMove = moves.at(-1)?.t ?? end.t;
      if (performance.now() - Math.max(lastMove, end.t) < 500) return null;
      return {
        start: start.t,
        end: end.t,
        settled: Math.max(end.t, lastMove),
        counts: moves.filter((e) => e.kind === 'count').length,
      };
    },
    longest: (from, to) => {
      const tasks = longTasks.filter((e) => e.startTime >= from && e.startTime <= to);
      // An input's entry starts at its hardware timestamp, a little before the listeners that
      // mark `from` run: count every event that overlaps the window.
      const inputs = slowEvents.filter(
        (e) => e.startTime + e.duration >= from && e.startTime <= to,
      );
      return {
        max: tasks.length ? Math.max(...tasks.map((e) => e.duration)) : 0,
        count: tasks.length,
        total: tasks.reduce((sum, e) => sum + e.duration, 0),
        maxEvent: inputs.length ? Math.max(...inputs.map((e) => e.duration)) : 0,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Sessions: a fresh context with the recorder, a CDP session, and the workers' sessions

async function openSession(browser, timeout) {
  const context = await browser.newContext();
  context.setDefaultTimeout(timeout);
  // Offline, like the app is meant to be: anything leaving the machine is refused.
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:',
    (route) => route.abort('blockedbyclient'),
  );
  await context.addInitScript(pageRecorder);
  const page = await context.newPage();
  const session = { context, page, timeout, crashed: false, pageErrors: [], workers: new Map() };
  page.on('crash', () => (session.crashed = true));
  page.on('pageerror', (error) => session.pageErrors.push(error.message));
  try {
    session.cdp = await context.newCDPSession(page);
    await attachToWorkers(session);
  } catch (error) {
    session.cdpError = error.message;
  }
  session.close = () =>
    withTimeout(context.close(), 60_000, 'closing the browser context').catch((error) =>
      console.error(error.message),
    );
  return session;
}

/**
 * Dedicated workers have no Playwright CDP session; the page's session auto-attaches to them
 * (non-flattened) and talks to each through Target.sendMessageToTarget.
 */
async function attachToWorkers(session) {
  const { cdp, workers } = session;
  const pending = new Map();
  let nextId = 0;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.set(sessionId, targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  session.sendToWorker = (sessionId, method, params = {}, timeout = 10_000) =>
    withTimeout(
      new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, (reply) =>
          reply.error ? reject(new Error(reply.error.message)) : resolve(reply.result),
        );
        cdp
          .send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method, params }),
          })
          .catch(reject);
      }),
      timeout,
      `${method} in a worker`,
    );
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
}

/** JS heap in MB: the page's, and per worker, with ArrayBuffer backing stores apart. */
async function measureHeap(session, timeout = 10_000) {
  const heap = {};
  if (session.crashed) return heap;
  try {
    heap.performanceMemory = mb(
      await withTimeout(
        session.page.evaluate(() => performance.memory?.usedJSHeapSize ?? null),
        timeout,
        'performance.memory',
      ),
    );
  } catch {
    // Reported as missing.
  }
  if (!session.cdp) return heap;
  try {
    const usage = await withTimeout(session.cdp.send('Runtime.getHeapUsage'), timeout, 'heap');
    heap.pageUsed = mb(usage.usedSize);
    heap.pageBuffers = mb(usage.backingStorageSize);
  } catch {
    // Reported as missing.
  }
  for (const [sessionId, url] of session.workers) {
    const engine = /incident\.worker/.test(url);
    try {
      const usage = await session.sendToWorker(sessionId, 'Runtime.getHeapUsage', {}, timeout);
      if (engine) {
        heap.engineUsed = mb(usage.usedSize);
        heap.engineBuffers = mb(usage.backingStorageSize);
      } else {
        heap.maplibreUsed = (heap.maplibreUsed ?? 0) + mb(usage.usedSize);
        heap.maplibreBuffers = (heap.maplibreBuffers ?? 0) + mb(usage.backingStorageSize);
      }
    } catch (error) {
      heap.workerErrors = [...(heap.workerErrors ?? []), `${basename(url)}: ${error.message}`];
    }
  }
  return heap;
}

function describeHeap(heap) {
  const part = (used, buffers) =>
    used === undefined ? 'n/a' : `${used.toFixed(1)} MB + ${(buffers ?? 0).toFixed(1)} MB buffers`;
  return (
    `page ${part(heap.pageUsed, heap.pageBuffers)}` +
    (heap.performanceMemory !== undefined && heap.performanceMemory !== null
      ? ` (performance.memory ${heap.performanceMemory.toFixed(1)} MB)`
      : '') +
    `, engine worker ${part(heap.engineUsed, heap.engineBuffers)}` +
    `, MapLibre worker(s) ${part(heap.maplibreUsed, heap.maplibreBuffers)}` +
    (heap.workerErrors ? ` [${heap.workerErrors.join('; ')}]` : '')
  );
}

/** The worker-side fetch of the ?data= file, from its resource timing entry. */
async function workerFetchTime(session, path) {
  for (const worker of session.page.workers()) {
    if (!/incident\.worker/.test(worker.url())) continue;
    const entry = await withTimeout(
      worker.evaluate((path) => {
        const found = performance.getEntriesByType('resource').find((e) => e.name.endsWith(path));
        return found ? found.responseEnd - found.startTime : null;
      }, path),
      10_000,
      'reading the worker resource timing',
    );
    if (entry !== null) return entry;
  }
  return null;
}

async function waitForReadyApp(session) {
  await waitInPage(session, () => window.__bench.ready(), null, 'the app to show its data');
}

/** Opens the file with the "Open file…" input and waits for it to load or fail. */
async function openWithPicker(session, file) {
  const mark = await pageNow(session);
  await session.page.getByLabel('Open file…').setInputFiles(file.path);
  return waitForLoad(session, file.count, { after: mark });
}

/**
 * Waits for a load, sampling the page's state and every heap each 2 s meanwhile: if the page
 * crashes, the error says how far it got and how much memory was in use.
 */
async function waitForLoad(session, n, { start = null, after = 0 }) {
  const watch = { started: Date.now(), last: null, peaks: {} };
  let stopped = false;
  const sampler = (async () => {
    while (!stopped && !session.crashed) {
      await sleep(2000);
      if (stopped || session.crashed) break;
      try {
        const [state, progress] = await withTimeout(
          session.page.evaluate(
            (arg) => [
              window.__bench?.state(),
              window.__bench?.loadProgress(arg.n, arg.start, arg.after),
            ],
            { n, start, after },
          ),
          3000,
          'state',
        );
        watch.last = { at: Date.now(), state };
        if (progress?.count) watch.counted = progress.count - progress.start;
      } catch {
        // Busy or gone: keep the last sample.
      }
      const heap = await measureHeap(session, 3000);
      for (const [key, value] of Object.entries(heap)) {
        if (isNumber(value)) watch.peaks[key] = Math.max(watch.peaks[key] ?? 0, value);
      }
    }
  })();
  try {
    const outcome = await waitInPage(
      session,
      ({ n, start, after }) => window.__bench.load(n, start, after),
      { n, start, after },
      `${n} incidents to load and the map to idle`,
    );
    return { ...outcome, peakHeap: watch.peaks };
  } catch (error) {
    const seconds = ((Date.now() - watch.started) / 1000).toFixed(1);
    let detail = `after ${seconds} s`;
    if (watch.counted !== undefined) {
      detail += `; the count read ${n} ${(watch.counted / 1000).toFixed(1)} s after the start`;
    }
    if (watch.last) {
      const { count, busy, progress, alerts } = watch.last.state ?? {};
      detail +=
        `; last seen ${((Date.now() - watch.last.at) / 1000).toFixed(1)} s before: count ` +
        `"${count}", busy ${busy}, progress ${JSON.stringify(progress)}` +
        (alerts ? `, alerts "${alerts}"` : '');
    }
    detail += `; peak heap seen ${describeHeap(watch.peaks)}`;
    throw new Error(`${error.message.split('\n')[0]} (${detail})`, { cause: error });
  } finally {
    stopped = true;
    await sampler;
  }
}

async function longestTask(session, from, to) {
  // Long task entries are delivered after the task: give the observer a moment.
  await sleep(100);
  return evaluate(session, ({ from, to }) => window.__bench.longest(from, to), { from, to });
}

function pageNow(session) {
  return evaluate(session, () => performance.now());
}

/** page.evaluate with a deadline: a hung main thread would otherwise hang the benchmark. */
function evaluate(session, fn, arg) {
  return withTimeout(session.page.evaluate(fn, arg), 60_000, 'page.evaluate');
}

/** Polls a page-side predicate until it returns a value, for at most the session's timeout. */
async function waitInPage(session, fn, arg, what) {
  try {
    const handle = await session.page.waitForFunction(fn, arg, {
      timeout: session.timeout,
      polling: 100,
    });
    return await handle.jsonValue();
  } catch (error) {
    let state = '';
    if (!session.crashed) {
      try {
        state = JSON.stringify(await evaluate(session, () => window.__bench?.state()));
      } catch {
        // The page is unreachable; the error says enough.
      }
    }
    throw new Error(
      `waiting for ${what}: ${session.crashed ? 'the page crashed' : error.message.split('\n')[0]}` +
        (state ? `; page state ${state}` : ''),
      { cause: error },
    );
  }
}

function describeError(error, session) {
  let message = error.message.split('\n')[0];
  if (session?.crashed && !/crash/.test(message)) message += ' (the page crashed)';
  if (session?.pageErrors.length) message += `; page errors: ${session.pageErrors.join('; ')}`;
  return message;
}

// ---------------------------------------------------------------------------------------------
// Data, server, helpers

/** The synthetic file of n features, generated into .synthetic/ when missing. */
async function syntheticFile(count, format = 'geojson') {
  const path = `${root}.synthetic/incidents-${count}-seed${seed}.${format}`;
  if (!existsSync(path)) {
    console.log(`generating ${count} synthetic incidents…`);
    const partial = `${path}.partial`;
    try {
      await runNode(
        [
          '--import',
          'tsx',
          'tests/gen/generate-synthetic.ts',
          '--n',
          String(count),
          '--seed',
          String(seed),
          '--format',
          format,
          '--out',
          partial,
        ],
        'the synthetic data generator',
      );
      renameSync(partial, path);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  return { path, count, bytes: statSync(path).size };
}

/** Per-step timeout: two seconds a megabyte, at least a minute, at most ten. */
function stepTimeoutFor(bytes) {
  return fixedTimeout ?? Math.min(MAX_STEP_MS, Math.max(60_000, (bytes / 1e6) * 2000));
}

function runNode(args, what) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    children.add(child);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} took longer than ${MAX_STEP_MS / 60_000} minutes`));
    }, MAX_STEP_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${what} exited with ${code}`));
    });
  });
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function printTable(bench) {
  heading('Medians');
  const rows = [];
  if (bench.load) {
    const l = bench.load;
    rows.push([`load ${l.file_mb} MB via picker`, 'file input → count', ms(l.count_ms_median)]);
    rows.push(['', 'throughput', l.mb_per_s_median === null ? '–' : `${l.mb_per_s_median} MB/s`]);
    rows.push(['', 'file input → count on screen', ms(l.shown_ms_median)]);
    rows.push(['', 'file input → map idle', ms(l.idle_ms_median)]);
    rows.push(['', 'longest main-thread task', ms(l.longest_task_ms_median)]);
    if (l.failures) rows.push(['', 'failed runs', String(l.failures.length)]);
  }
  if (bench.table) {
    const t = bench.table;
    rows.push([
      `${t.rows} rows as .xlsx (${t.xlsx_mb} MB)`,
      'file input → count',
      ms(t.xlsx_count_ms_median),
    ]);
    rows.push([`  as CSV (${t.csv_mb} MB)`, 'file input → count', ms(t.csv_count_ms_median)]);
    rows.push(['', 'xlsx / csv', t.xlsx_to_csv_ratio === null ? '–' : `×${t.xlsx_to_csv_ratio}`]);
    rows.push([
      '',
      'longest main-thread task: xlsx / csv',
      `${ms(t.xlsx_longest_task_ms_median)} / ${ms(t.csv_longest_task_ms_median)}`,
    ]);
    rows.push([
      '',
      'xlsx: longest gap between progress updates',
      ms(t.xlsx_progress_gap_ms_median),
    ]);
    rows.push(['', 'xlsx: progress phases', t.xlsx_phases.join(' → ') || '–']);
    if (t.failures) rows.push(['', 'failed runs', String(t.failures.length)]);
  }
  for (const [key, s] of Object.entries(bench)) {
    if (key === 'load' || key === 'table') continue;
    const n = key.slice(1);
    const start = s.opened_with === 'url' ? 'navigation' : 'file input';
    rows.push([
      `${n} (${s.file_mb} MB, ${s.opened_with})`,
      `${start} → count`,
      ms(s.count_ms_median),
    ]);
    rows.push(['', `${start} → count on screen`, ms(s.shown_ms_median)]);
    rows.push(['', `${start} → map idle`, ms(s.idle_ms_median)]);
    if (s.opened_with === 'url')
      rows.push(['', '  of which worker fetch', ms(s.worker_fetch_ms_median)]);
    else
      rows.push(['', 'throughput', s.mb_per_s_median === null ? '–' : `${s.mb_per_s_median} MB/s`]);
    rows.push(['', 'longest task while loading', ms(s.load_longest_task_ms_median)]);
    rows.push(['', 'Armed clash off → count', ms(s.toggle_count_ms_median)]);
    rows.push(['', 'Armed clash off → count on screen', ms(s.toggle_shown_ms_median)]);
    rows.push(['', 'Armed clash off → map idle', ms(s.toggle_idle_ms_median)]);
    rows.push(['', 'longest task, toggle', ms(s.toggle_longest_task_ms_median)]);
    rows.push([
      '',
      'Armed clash on → count / on screen / idle',
      `${ms(s.retick_count_ms_median)} / ${ms(s.retick_shown_ms_median)} / ${ms(s.retick_idle_ms_median)}`,
    ]);
    rows.push([
      '',
      `From date change → count on screen (×${steps}, ${stepMs} ms apart)`,
      ms(s.date_change_count_ms_median),
    ]);
    rows.push(['', 'last date change → count and map settled', ms(s.date_settle_ms_median)]);
    rows.push(['', 'longest task, date stepping', ms(s.date_longest_task_ms_median)]);
    rows.push([
      '',
      `timeline drag (${dragMoves} moves ${dragMoveMs} ms apart): gesture took`,
      ms(s.drag_gesture_ms_median),
    ]);
    rows.push(['', 'longest task, timeline drag', ms(s.drag_longest_task_ms_median)]);
    rows.push(['', 'slowest input event, timeline drag', ms(s.drag_max_event_ms_median)]);
    rows.push(['', 'release → count and map settled', ms(s.drag_settle_ms_median)]);
    rows.push([
      '',
      'slowest input event: toggle / date stepping',
      `${ms(s.toggle_max_event_ms_median)} / ${ms(s.date_max_event_ms_median)}`,
    ]);
    const h = s.heap_mb_median;
    rows.push([
      '',
      'heap: page (+ ArrayBuffers)',
      `${mbText(h.page)} (+ ${mbText(h.page_array_buffers)})`,
    ]);
    rows.push([
      '',
      'heap: engine worker (+ ArrayBuffers)',
      `${mbText(h.engine_worker)} (+ ${mbText(h.engine_worker_array_buffers)})`,
    ]);
    rows.push(['', 'heap: MapLibre worker(s)', mbText(h.maplibre_workers)]);
    const p = s.peak_heap_while_loading_mb_median;
    rows.push([
      '',
      'peak heap while loading: engine (+ ArrayBuffers)',
      `${mbText(p.engine_worker)} (+ ${mbText(p.engine_worker_array_buffers)})`,
    ]);
    if (s.failures) rows.push(['', 'failed', s.failures.join(' / ')]);
  }
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(widths[0])}  ${b.padEnd(widths[1])}  ${c}`);
}

function heading(text) {
  console.log(`\n== ${text}`);
}

function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function medianOf(results, key, digits = 1) {
  return median(results.map((r) => r[key]).filter(isNumber), digits);
}

function median(values, digits = 1) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(
    sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
    digits,
  );
}

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function mb(bytes) {
  return typeof bytes === 'number' ? bytes / 1e6 : undefined;
}

function ms(value) {
  return isNumber(value) ? `${round(value)} ms` : '–';
}

function mbText(value) {
  return isNumber(value) ? `${value} MB` : '–';
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function positiveInteger(name) {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) {
    fail(`--${name} must be a positive integer, got "${options[name]}"`);
  }
  return value;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
