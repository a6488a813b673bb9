// Benchmark of the dataset package builder (npm run package) on synthetic incidents.
//
//   npm run bench:package [-- --sizes 1000000,10000000] [--seed 1] [--keep] [--no-browser]
//
// For each size: writes the synthetic incidents as CSV with the generator behind `npm run gen`
// (into .synthetic/, reused when already there), packages them in a child process (so its peak
// RSS is the builder's alone) and reports build time, peak RSS, package size and its parts, tile
// count, largest tile (bytes before compression), count rows and row files. The package goes to
// a scratch folder, removed afterwards unless --keep. Then, unless --no-browser, the built app
// opens the package in headless Chromium from a local range server and the requests and bytes a
// reader's browser needs are counted: to the first map, a date-filter change, opening one
// incident and exporting 10,000 incidents (package-browser.ts), as `browser` of each size.
// The last line is machine-readable: BENCH {"package": {"<size>": {...}}}.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TileZoom } from '../../src/domain/package/package-manifest';
import { readPackageManifest } from '../../src/domain/package/package-manifest';
import type { BrowserFigures } from './package-browser';
import { startBrowserBench } from './package-browser';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
  },
});
const browserBench = values['no-browser'] ? null : await startBrowserBench();
const sizes = values.sizes!.split(',').map(Number);
if (sizes.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
  console.error(`--sizes must be counts separated by commas, got "${values.sizes}"`);
  process.exit(2);
}

function run(args: string[], what: string): string {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`${what} failed with exit code ${result.status}`);
  }
  return result.stdout;
}

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

/** The aggregated zooms' cell sizes, runs of zooms alike together: "0–6 64 px, 7–8 32 px". */
function lowZoomCells(zooms: readonly TileZoom[]): string {
  const runs: Array<{ from: number; to: number; cellPx: number }> = [];
  for (const { z, cellPx, raw } of zooms) {
    if (raw) continue;
    const last = runs.at(-1);
    if (last && last.cellPx === cellPx && last.to === z - 1) last.to = z;
    else runs.push({ from: z, to: z, cellPx });
  }
  return runs
    .map(({ from, to, cellPx }) => `${from === to ? from : `${from}–${to}`} ${cellPx} px`)
    .join(', ');
}
const report: Record<string, unknown> = {};
console.log(`machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`);
for (const size of sizes) {
  const input = `.synthetic/incidents-${size}-seed${values.seed}.csv`;
  if (!existsSync(input)) {
    console.log(`generating ${size} incidents into ${input}…`);
    run(
      [
        '--import',
        'tsx',
        'tests/gen/generate-synthetic.ts',
        '--n',
        String(size),
        '--seed',
        values.seed!,
        '--format',
        'csv',
        '--out',
        input,
      ],
      'npm run gen',
    );
  }
  const out = mkdtempSync(join(tmpdir(), `package-bench-${size}-`));
  console.log(`packaging ${input} (${mb(statSync(input).size)} MB)…`);
  const started = performance.now();
  const stdout = run(
    [
      '--max-old-space-size=6144',
      '--import',
      'tsx',
      'src/packaging/package-cli.ts',
      input,
      '--out',
      out,
    ],
    'npm run package',
  );
  const seconds = (performance.now() - started) / 1000;
  const summary = stdout.trim().split('\n').at(-1)!;
  console.log(summary);
  const peakRssMb = Number(/peak RSS (\d+) MB/.exec(summary)?.[1]);
  const manifestBytes = statSync(join(out, 'manifest.json')).size;
  const manifest = readPackageManifest(
    JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
  );
  const bytesOf = (test: (path: string) => boolean) =>
    manifest.files.filter((f) => test(f.path)).reduce((sum, f) => sum + f.bytes, 0);
  const figures = {
    incidents: manifest.count,
    buildSeconds: Math.round(seconds * 10) / 10,
    peakRssMb,
    packageMb: mb(bytesOf(() => true) + manifestBytes),
    tilesMb: mb(bytesOf((p) => p === manifest.tiles.file)),
    rowsMb: mb(bytesOf((p) => p.startsWith('rows/'))),
    countsMb: mb(bytesOf((p) => p === manifest.counts.file)),
    manifestKb: Math.round(manifestBytes / 100) / 10,
    tileCount: manifest.tiles.tileCount,
    maxTileBytes: manifest.tiles.maxTileBytes,
    rawMinZoom: manifest.tiles.rawMinZoom,
    maxzoom: manifest.tiles.maxzoom,
    denseTiles: manifest.tiles.denseTiles,
    countRows: manifest.counts.rows,
    rowFiles: manifest.rows.partitions.length,
    lowZoomCells: lowZoomCells(manifest.tiles.zooms),
    lowZoomBorder: manifest.tiles.zooms.every((zoom) => zoom.border),
  };
  console.table(figures);
  let browser: BrowserFigures | undefined;
  if (browserBench) {
    console.log('opening it in headless Chromium from a range server…');
    browser = await browserBench.measure(out);
    console.table(browser);
  }
  report[String(size)] = { ...figures, ...(browser ? { browser } : {}) };
  if (values.keep) console.log(`kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
}
await browserBench?.close();
console.log(`BENCH ${JSON.stringify({ package: report })}`);
