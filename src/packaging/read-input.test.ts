// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readSyntheticModel,
  serialiseSyntheticIncidents,
} from '../../tests/gen/synthetic-incidents';
import type { Incident, RejectedFeature } from '../domain/incident';
import { importIncidents, importZip } from '../domain/import/import-incidents';
import { writeTestCsv } from './package-test-kit';
import type { InputBatch } from './read-input';
import { readInput } from './read-input';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'read-input-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What the builder keeps of an incident or a rejection, to compare with the tab's import. */
const incidentKey = (i: Incident) => [i.index, i.key, i.dayNumber, i.type, i.lon, i.lat];
const rejectionKey = (r: RejectedFeature) => [r.index, r.line, r.id, r.reason];

async function expectSameAsWholeFile(path: string, batchRecords: number) {
  const bytes = new Uint8Array(readFileSync(path));
  const whole = path.endsWith('.xlsx') ? await importZip(bytes) : importIncidents(bytes);
  if (whole.status !== 'loaded') throw new Error('the test file needs a mapping');
  const batches: InputBatch[] = [];
  const summary = await readInput(path, (batch) => batches.push(batch), undefined, batchRecords);
  expect(summary).toMatchObject({ format: whole.format, layout: whole.layout });
  expect(batches.flatMap((b) => b.incidents).map(incidentKey)).toEqual(
    whole.set.incidents.map(incidentKey),
  );
  expect(batches.flatMap((b) => b.rejected).map(rejectionKey)).toEqual(
    whole.set.rejected.map(rejectionKey),
  );
  return batches.length;
}

function writeSynthetic(name: string, format: 'geojson' | 'geojsonseq', extra = ''): string {
  const path = join(folder, name);
  const options = { count: 600, seed: 3, model: readSyntheticModel() };
  const chunks = [...serialiseSyntheticIncidents(options, format, { rs: false })];
  writeFileSync(path, chunks.join('') + extra);
  return path;
}

describe('readInput', () => {
  it('reads a CSV in batches as the tab reads it whole, quoted line breaks and all', async () => {
    const path = join(folder, 'incidents.csv');
    writeTestCsv(path, 800);
    expect(await expectSameAsWholeFile(path, 97)).toBeGreaterThan(5);
  });

  it('reads GeoJSONSeq in batches as the tab reads it whole, a broken line rejected', async () => {
    const path = writeSynthetic(
      'incidents.geojsonl',
      'geojsonseq',
      '{"type":"Feature", broken\n{"type":"Feature","geometry":null,"properties":{"date":"2025-01-02","type":"airstrike"}}\n',
    );
    expect(await expectSameAsWholeFile(path, 64)).toBeGreaterThan(5);
  });

  it.each([
    ['ucdp-ged-pakistan.csv', 'ucdp'],
    ['urdu-places-windows-1256.csv', null],
    ['acled-pakistan.xlsx', 'acled'],
  ])('reads the real-layout file %s as the tab does', async (name, layout) => {
    const path = fileURLToPath(
      new URL(`../../tests/fixtures/real-layouts/${name}`, import.meta.url),
    );
    await expectSameAsWholeFile(path, 7);
    if (layout) {
      const summary = await readInput(path, () => {});
      expect(summary.layout).toBe(layout);
    }
  });

  it('reads a GeoJSON FeatureCollection whole, as the tab does', async () => {
    const path = writeSynthetic('incidents.geojson', 'geojson');
    expect(await expectSameAsWholeFile(path, 64)).toBe(1);
  });
});
