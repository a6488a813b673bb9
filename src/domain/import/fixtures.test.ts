// @vitest-environment node
/**
 * Runs every file of tests/fixtures/import against the outcome its manifest declares, then checks
 * what must hold for any file that loads: nothing lost or counted twice, the result can be posted
 * from a worker, and both exports give back what was read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildGeoJsonExport } from '../export-geojson';
import { IncidentFileError } from '../parse-incidents';
import { decodeIncidentText } from './decode-text';
import { exportCsv } from './export-csv';
import type { ImportOptions, ImportOutcome } from './import-incidents';
import { importIncidents } from './import-incidents';
import { EMPTY_URL_FILTER } from '../filters/filter-table';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/import');

interface Expectation {
  error?: string;
  status?: 'loaded' | 'needs-mapping';
  format?: string;
  layout?: string;
  incidents?: number;
  rejected?: number;
  /** One pattern per rejection, in order. */
  reasons?: string[];
  rejectedLines?: number[];
  /** Warning codes, in order. */
  warnings?: string[];
  /** Indices of each warning, in order, where given. */
  warningIndices?: number[][];
  keys?: string[];
  types?: string[];
  days?: string[];
  positions?: Array<[number, number] | null>;
  notes?: string[];
  /** Keys that the first incident's properties must hold as own data. */
  ownKeys?: string[];
  columns?: string[];
  /** needs-mapping: the number of sample rows. */
  sample?: number;
}

interface Fixture {
  file: string;
  category: string;
  note?: string;
  options?: ImportOptions;
  expect: Expectation;
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  fixtures: Fixture[];
};

function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, file)));
}

function checkDeclared(outcome: ImportOutcome, expected: Expectation): void {
  expect(outcome.status).toBe(expected.status);
  expect(outcome.format).toBe(expected.format);
  if (outcome.status === 'needs-mapping') {
    expect(outcome.columns).toEqual(expected.columns);
    expect(outcome.sample).toHaveLength(expected.sample!);
    expect(outcome.reason).not.toBe('');
    return;
  }
  const { set } = outcome;
  expect(outcome.layout).toBe(expected.layout);
  expect(set.incidents).toHaveLength(expected.incidents!);
  expect(set.rejected).toHaveLength(expected.rejected!);
  expect(set.rejected.map((r) => r.reason)).toEqual(
    (expected.reasons ?? []).map((pattern) => expect.stringMatching(new RegExp(pattern))),
  );
  expect(set.warnings.map((w) => w.code)).toEqual(expected.warnings ?? []);
  if (expected.warningIndices) {
    expect(set.warnings.map((w) => w.indices)).toEqual(expected.warningIndices);
  }
  if (expected.rejectedLines)
    expect(set.rejected.map((r) => r.line)).toEqual(expected.rejectedLines);
  if (expected.keys) expect(set.incidents.map((i) => i.key)).toEqual(expected.keys);
  if (expected.types) expect(set.incidents.map((i) => i.type)).toEqual(expected.types);
  if (expected.days) expect(set.incidents.map((i) => i.day)).toEqual(expected.days);
  if (expected.positions) {
    expect(set.incidents.map((i) => (i.lon === null ? null : [i.lon, i.lat]))).toEqual(
      expected.positions,
    );
  }
  if (expected.notes) {
    expect(set.incidents.map((i) => i.feature.properties.note)).toEqual(expected.notes);
  }
  if (expected.columns) expect(outcome.columns).toEqual(expected.columns);
  if (expected.ownKeys) {
    const properties = set.incidents[0]!.feature.properties;
    for (const key of expected.ownKeys) expect(Object.hasOwn(properties, key)).toBe(true);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }
}

/** The records of a GeoJSON text sequence, RS-delimited or one per line, blank ones left out. */
function sequenceRecords(text: string): string[] {
  const records = text.trimStart().startsWith('\u001e') ? text.split('\u001e') : text.split('\n');
  return records
    .map((record) => (record.startsWith('\u001e') ? record.slice(1) : record).trim())
    .filter((record) => record !== '');
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What every loaded file must satisfy, whatever it holds. */
function checkNothingLost(outcome: ImportOutcome, fixture: Fixture): void {
  if (outcome.status !== 'loaded') return;
  const { set } = outcome;

  // Every feature or row is either loaded or rejected, once.
  const indices = [...set.incidents, ...set.rejected]
    .map((item) => item.index)
    .sort((a, b) => a - b);
  expect(indices).toEqual(indices.map((_, i) => i));

  // The whole outcome can be posted from a worker and serialised.
  expect(() => JSON.stringify(structuredClone(outcome))).not.toThrow();

  const { text } = decodeIncidentText(read(fixture.file), fixture.options?.encoding);
  if (outcome.format === 'csv') {
    // Export CSV gives back each loaded row's cells exactly, under the original header.
    const original = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
    const [header, ...rows] = original;
    const dataRows = rows.filter(
      (row) =>
        !row.filter((cell) => cell.trim() !== '').every((cell) => cell.trim().startsWith('#')),
    );
    const exported = Papa.parse<string[]>(exportCsv(set.incidents, outcome.columns!), {
      skipEmptyLines: 'greedy',
    }).data;
    expect(exported[0]).toEqual(header);
    expect(exported.slice(1)).toEqual(set.incidents.map((incident) => dataRows[incident.index]));
  } else if (!fixture.options?.swapCoordinates) {
    // Export GeoJSON gives back each loaded feature deep-equal to the one in the file.
    const exported = JSON.parse(
      JSON.stringify(
        buildGeoJsonExport(set.incidents, {
          filter: EMPTY_URL_FILTER,
          loaded: set.incidents,
          source: fixture.file,
        }),
      ),
    ) as { features: unknown[] };
    const originals =
      outcome.format === 'geojson'
        ? (JSON.parse(text) as { features: unknown[] }).features
        : outcome.format === 'geojson-feature'
          ? [JSON.parse(text)]
          : sequenceRecords(text).map(parseOrKeep);
    set.incidents.forEach((incident, n) => {
      expect(exported.features[n]).toEqual(originals[incident.index]);
    });
    // Flattening to CSV works for anything that loaded.
    expect(() => exportCsv(set.incidents, null)).not.toThrow();
  }
}

describe('The import fixture corpus', () => {
  it('has at least 45 files', () => {
    expect(new Set(manifest.fixtures.map((f) => f.file)).size).toBeGreaterThanOrEqual(45);
  });

  for (const fixture of manifest.fixtures) {
    const options = fixture.options ? ` with ${JSON.stringify(fixture.options)}` : '';
    it(`${fixture.category}: ${fixture.file}${options}`, () => {
      const bytes = read(fixture.file);
      if (fixture.expect.error !== undefined) {
        let thrown: unknown;
        try {
          importIncidents(bytes, fixture.options);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(IncidentFileError);
        expect((thrown as Error).message).toMatch(new RegExp(fixture.expect.error));
        return;
      }
      const outcome = importIncidents(bytes, fixture.options);
      checkDeclared(outcome, fixture.expect);
      checkNothingLost(outcome, fixture);
    });
  }
});
