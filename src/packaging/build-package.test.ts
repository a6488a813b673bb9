// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, RejectedFeature } from '../domain/incident';
import { importIncidents } from '../domain/import/import-incidents';
import type { PackageManifest } from '../domain/package/package-manifest';
import { PACKAGE_FILES, readPackageManifest } from '../domain/package/package-manifest';
import { buildPackage, digestFile } from './build-package';
import { readParquetFile, writeTestCsv } from './package-test-kit';
import { ROW_GROUP_SIZE } from './write-partitions';

const COUNT = 3000;
let folder: string;
let manifest: PackageManifest;
let incidents: Incident[];
let rejected: RejectedFeature[];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'package-test-'));
  const input = join(folder, 'incidents.csv');
  writeTestCsv(input, COUNT);
  // The tab's answer: the whole file through the app's importer.
  const outcome = importIncidents(readFileSync(input));
  if (outcome.status !== 'loaded') throw new Error('the test file needs a mapping');
  ({ incidents, rejected } = outcome.set);
  // Small batches, so records are cut into many imports (and one across a quoted line break).
  await buildPackage({ input, outDir: join(folder, 'out'), batchRecords: 250 });
  manifest = readPackageManifest(
    JSON.parse(readFileSync(join(folder, 'out', PACKAGE_FILES.manifest), 'utf8')),
  );
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const out = (path: string) => join(folder, 'out', path);

async function readAllRows() {
  const rows: Array<Record<string, unknown>> = [];
  for (const partition of manifest.rows.partitions) {
    rows.push(...(await readParquetFile(out(partition.file))).rows);
  }
  return rows;
}

describe('buildPackage', () => {
  it('writes a manifest that validates and counts what the tab loads', () => {
    expect(manifest.count).toBe(incidents.length);
    expect(manifest.located).toBe(incidents.filter((i) => i.lon !== null).length);
    expect(manifest.source).toMatchObject({ format: 'csv', layout: 'native' });
    const header = readFileSync(join(folder, 'incidents.csv'), 'utf8').split('\r\n')[0]!;
    expect(manifest.source.columns).toEqual(header.split(','));
    const days = incidents.map((i) => i.day).sort();
    expect(manifest.days).toEqual({ first: days[0], last: days.at(-1) });
    const types = new Map<string, number>();
    for (const i of incidents) types.set(i.type, (types.get(i.type) ?? 0) + 1);
    expect(new Map(manifest.types.map((t) => [t.code, t.count]))).toEqual(types);
  });

  it('lists the rejections as the load report does, with lines of the whole file', () => {
    expect(rejected.length).toBeGreaterThanOrEqual(2);
    expect(manifest.rejected.count).toBe(rejected.length);
    expect(manifest.rejected.first).toEqual(
      rejected.map((r) => ({ index: r.index, line: r.line, id: r.id, reason: r.reason })),
    );
  });

  it('records every file with its size and checksum', () => {
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain(PACKAGE_FILES.tiles);
    expect(paths).toContain(PACKAGE_FILES.counts);
    for (const partition of manifest.rows.partitions) expect(paths).toContain(partition.file);
    for (const file of manifest.files) {
      expect({ path: file.path, ...digestFile(out(file.path)) }).toEqual(file);
    }
  });

  it('writes rows that round-trip to the incidents the app imports', async () => {
    const rows = await readAllRows();
    expect(rows).toHaveLength(incidents.length);
    const byIndex = new Map(rows.map((row) => [row.index, row]));
    for (const incident of incidents) {
      const row = byIndex.get(incident.index)!;
      expect(row).toMatchObject({
        id: incident.key,
        date: incident.day,
        day: incident.dayNumber,
        lon: incident.lon,
        lat: incident.lat,
      });
      expect(manifest.types[row.type as number]!.code).toBe(incident.type);
      expect(JSON.parse(row.feature as string)).toEqual(incident.feature);
    }
  });

  it('sorts each partition by day then id, in row groups a reader can fetch alone', async () => {
    for (const partition of manifest.rows.partitions) {
      const { rows, rowGroups } = await readParquetFile(out(partition.file));
      expect(rows).toHaveLength(partition.count);
      expect(rowGroups.every((size) => size <= ROW_GROUP_SIZE)).toBe(true);
      expect(rowGroups).toHaveLength(partition.rowGroups);
      const keys = rows.map((row) => [row.day as number, row.id as string] as const);
      const sorted = [...keys].sort(
        (a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0),
      );
      expect(keys).toEqual(sorted);
      expect(rows.every((row) => row.date!.toString().startsWith(partition.month))).toBe(true);
    }
  });

  it('writes counts whose sums equal the input per day and type', async () => {
    const { rows } = await readParquetFile(out(PACKAGE_FILES.counts));
    expect(rows).toHaveLength(manifest.counts.rows);
    const sums = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.day}|${manifest.types[row.type as number]!.code}`;
      sums.set(key, (sums.get(key) ?? 0) + (row.count as number));
    }
    const expected = new Map<string, number>();
    for (const i of incidents) {
      const key = `${i.dayNumber}|${i.type}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(sums).toEqual(expected);
  });

  it('counts an unlocated incident with no side, province or distance band', async () => {
    const rows = await readAllRows();
    const unlocated = rows.find((row) => row.id === 'SYN-UNLOCATED')!;
    expect(unlocated).toMatchObject({ lon: null, lat: null, side: 0, province: -1, km: null });
  });
});
