/**
 * For tests: a dataset package made by the app's own commands (`npm run gen`, `npm run package`,
 * run in Node whatever the test's environment) from generated incidents, and served by a range
 * server as a static host would, with the CSV it was built from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RangeServer } from '../../../tests/e2e/fixtures/range-server';
import { startRangeServer } from '../../../tests/e2e/fixtures/range-server';
import { IncidentEngine } from '../incident-engine';
import { runLoad } from '../run-load';

export interface ServedPackage {
  /** The CSV the package was built from, and its file name (the package's name too). */
  csv: string;
  name: string;
  /** The absolute URL of its manifest.json. */
  manifestUrl: string;
  server: RangeServer;
  close: () => Promise<void>;
}

/** The repository's root, where the npm scripts run (tests run from there). */
const ROOT = process.cwd();

/** Runs one of the app's scripts in Node, from the repository's root. */
function runScript(script: string, args: string[]): void {
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** Generates `count` incidents as CSV and packages them into a new temporary folder. */
export function buildTestPackage(count: number, seed = 11): { folder: string; name: string } {
  const folder = mkdtempSync(join(tmpdir(), 'test-package-'));
  const name = 'generated.csv';
  const input = join(folder, name);
  runScript('tests/gen/generate-synthetic.ts', [
    '--n',
    String(count),
    '--seed',
    String(seed),
    '--format',
    'csv',
    '--out',
    input,
  ]);
  runScript('src/packaging/package-cli.ts', [input, '--out', join(folder, 'pkg'), '--name', name]);
  return { folder, name };
}

/** Builds a package of `count` generated incidents and serves it on 127.0.0.1. */
export async function servePackage(count: number, seed = 11): Promise<ServedPackage> {
  return serveFolder(buildTestPackage(count, seed));
}

/** Packages the table `csv` (named `name`) and serves it on 127.0.0.1. */
export async function servePackageOf(csv: string, name: string): Promise<ServedPackage> {
  const folder = mkdtempSync(join(tmpdir(), 'test-package-'));
  const input = join(folder, name);
  writeFileSync(input, csv);
  runScript('src/packaging/package-cli.ts', [input, '--out', join(folder, 'pkg'), '--name', name]);
  return serveFolder({ folder, name });
}

async function serveFolder({ folder, name }: { folder: string; name: string }) {
  const server = await startRangeServer(join(folder, 'pkg'));
  return {
    csv: readFileSync(join(folder, name), 'utf8'),
    name,
    manifestUrl: `${server.url}manifest.json`,
    server,
    close: async () => {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The border geography the app sends its engine (and the builder measures with), from data/. */
function readBorderGeography() {
  const data = (path: string) =>
    JSON.parse(
      readFileSync(fileURLToPath(new URL(`../../../data/${path}`, import.meta.url)), 'utf8'),
    );
  return {
    durandLine: data('durand-line.geojson'),
    crossings: data('crossings.geojson'),
    provinces: data('provinces.geojson'),
    countries: data('basemap/countries.geojson'),
  };
}

/** Two engines holding the same incidents: the CSV loaded in the tab, and the served package. */
export async function loadBoth(
  served: ServedPackage,
): Promise<{ inTab: IncidentEngine; packaged: IncidentEngine }> {
  const inTab = new IncidentEngine();
  const packaged = new IncidentEngine();
  const { csv, name, manifestUrl: url } = served;
  for (const engine of [inTab, packaged]) engine.setGeography(readBorderGeography());
  const request = { datasetId: 'd1', mode: 'replace' as const, options: {} };
  inTab.load(csv, { ...request, source: { kind: 'text', text: csv, name } });
  const reply = await runLoad(
    packaged,
    { ...request, source: { kind: 'package', url, name: url } },
    () => {},
    Infinity,
  );
  if (reply.status !== 'loaded') throw new Error(`the package did not load: ${reply.status}`);
  return { inTab, packaged };
}
