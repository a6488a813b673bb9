#!/usr/bin/env node
// Time from navigation start to the map's first idle (<html data-map-state="idle">) in the built
// app, served by `vite preview` and loaded in headless Chromium, each run in a fresh context.
//
//   npm run bench:idle -- [--runs N] [--build] [--data <url or app-relative path>] [--timeout ms]
//
// The last line is machine-readable: BENCH {"map_idle_ms_median":…,"runs":[…]}
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const viteBin = 'node_modules/vite/bin/vite.js';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    build: { type: 'boolean', default: false },
    data: { type: 'string' },
    timeout: { type: 'string', default: '60000' },
  },
});
const runs = Number(options.runs);
const timeout = Number(options.timeout);
if (!Number.isInteger(runs) || runs < 1)
  fail(`--runs must be a positive integer, got "${options.runs}"`);
if (!(timeout > 0)) fail(`--timeout must be a positive number of ms, got "${options.timeout}"`);
if (!existsSync(chromiumPath)) {
  fail(
    `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium ` +
      'fonts-dejavu-core` (Debian), or set CHROMIUM_PATH.',
  );
}

if (options.build || !existsSync(root + 'dist/index.html')) {
  console.log('building…');
  await runVite(['build', '--logLevel', 'warn']);
}

const port = await findFreePort();
const baseURL = `http://127.0.0.1:${port}/`;
// node vite.js, never npx: killing an npx wrapper would leave vite running.
const server = spawn(
  process.execPath,
  [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
process.once('exit', () => server.kill('SIGKILL'));
process.once('SIGINT', () => process.exit(130));

let browser;
try {
  await waitUntilServing(baseURL);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  const url = options.data ? `${baseURL}?data=${encodeURIComponent(options.data)}` : baseURL;
  console.log(`${url} · ${runs} run(s) · Chromium ${browser.version()}`);

  const times = [];
  for (let run = 1; run <= runs; run++) {
    const ms = await measureFirstIdle(browser, url);
    times.push(round(ms));
    console.log(`run ${run}: ${round(ms)} ms`);
  }
  const median = round(medianOf(times));
  console.log(`median: ${median} ms`);
  console.log(`BENCH ${JSON.stringify({ map_idle_ms_median: median, runs: times })}`);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}

/** Loads the page in a fresh context and returns performance.now() at the first idle mark. */
async function measureFirstIdle(browser, url) {
  const context = await browser.newContext();
  try {
    // Offline, like the app is meant to be: anything leaving the machine is refused.
    await context.route(
      (target) =>
        !['127.0.0.1', 'localhost'].includes(target.hostname) && target.protocol !== 'data:',
      (route) => route.abort('blockedbyclient'),
    );
    // Runs before the app's own scripts; performance.now() counts from navigation start.
    await context.addInitScript(() => {
      const mark = () => {
        if (
          window.__firstMapIdle === undefined &&
          document.documentElement?.dataset.mapState === 'idle'
        ) {
          window.__firstMapIdle = performance.now();
        }
      };
      new MutationObserver(mark).observe(document, {
        attributes: true,
        subtree: true,
        attributeFilter: ['data-map-state'],
      });
    });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__firstMapIdle !== undefined, null, { timeout });
    } catch (error) {
      throw new Error(
        `the map did not report idle within ${timeout} ms` +
          (pageErrors.length ? `; page errors: ${pageErrors.join('; ')}` : ''),
        { cause: error },
      );
    }
    return await page.evaluate(() => window.__firstMapIdle);
  } finally {
    await context.close();
  }
}

function runVite(args) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, [viteBin, ...args], { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite ${args[0]} exited with ${code}`)),
    );
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
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s`);
}

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
