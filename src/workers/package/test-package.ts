/**
 * For tests: a dataset package made by the app's own commands (`npm run gen`, `npm run package`,
 * run in Node whatever the test's environment) from generated incidents, and served by a range
 * server as a static host would, with the CSV it was built from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RangeServer } from '../../../tests/e2e/fixtures/range-server';
import { startRangeServer } from '../../../tests/e2e/fixtures/range-server';

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

/** Generates `count` incidents as CSV and packages them into a new temporary folder. */
export function buildTestPackage(count: number, seed = 11): { folder: string; name: string } {
  const folder = mkdtempSync(join(tmpdir(), 'test-package-'));
  const name = 'generated.csv';
  const input = join(folder, name);
  const run = (script: string, args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  run('tests/gen/generate-synthetic.ts', [
    '--n',
    String(count),
    '--seed',
    String(seed),
    '--format',
    'csv',
    '--out',
    input,
  ]);
  run('src/packaging/package-cli.ts', [input, '--out', join(folder, 'pkg'), '--name', name]);
  return { folder, name };
}

/** Builds a package of `count` generated incidents and serves it on 127.0.0.1. */
export async function servePackage(count: number, seed = 11): Promise<ServedPackage> {
  const { folder, name } = buildTestPackage(count, seed);
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
