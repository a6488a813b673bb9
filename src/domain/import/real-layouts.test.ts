// @vitest-environment node
/**
 * The files analysts pass around, in their real layouts and encodings (tests/fixtures/
 * real-layouts, written by make-fixtures.mjs): each loads with the counts, types, dates,
 * warnings and names it should, and exports back without loss.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGeoJsonExport } from '../export-geojson';
import { EMPTY_URL_FILTER } from '../filters/filter-table';
import type { IncidentSet } from '../incident';
import { exportCsv } from './export-csv';
import type { ImportOptions, ImportOutcome } from './import-incidents';
import { importIncidents, importZip } from './import-incidents';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/real-layouts');

function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, file)));
}

function loaded(outcome: ImportOutcome) {
  if (outcome.status !== 'loaded') throw new Error(`expected a load, got ${outcome.status}`);
  return outcome;
}

const codes = (set: IncidentSet) => set.warnings.map((w) => w.code);
const messages = (set: IncidentSet) => set.warnings.map((w) => w.message);
const property = (set: IncidentSet, key: string) =>
  set.incidents.map((i) => i.feature.properties[key]);

/** Exports the set as CSV (its own columns), reads that back, and compares every property. */
function expectCsvRoundTrip(set: IncidentSet, columns: string[], options: ImportOptions) {
  const again = loaded(importIncidents(exportCsv(set.incidents, columns), options));
  expect(again.set.incidents.map((i) => i.feature.properties)).toEqual(
    set.incidents.map((i) => i.feature.properties),
  );
}

/** Exports the set as GeoJSON, reads that back, and compares the features. */
function expectGeoJsonRoundTrip(set: IncidentSet, options: ImportOptions) {
  const context = { filter: EMPTY_URL_FILTER, loaded: set.incidents, source: 'test' };
  const text = JSON.stringify(buildGeoJsonExport(set.incidents, context));
  const again = loaded(importIncidents(text, options));
  expect(again.set.incidents.map((i) => i.feature)).toEqual(set.incidents.map((i) => i.feature));
}

describe('A CSV of drone strikes saved from Excel in Windows-1252', () => {
  const bytes = read('drone-strikes-windows-1252.csv');
  const mapping = { date: 'Date', typeForAll: 'Drone strike' };

  it('asks for columns, as it has no type column', () => {
    const outcome = importIncidents(bytes);
    expect(outcome.status).toBe('needs-mapping');
    if (outcome.status !== 'needs-mapping') return;
    expect(outcome.columns).toContain('Date');
    expect(outcome.sample).toHaveLength(5);
  });

  it('loads every strike with one type, its spelled-out date and its Windows-1252 text', () => {
    const { set, layout } = loaded(importIncidents(bytes, { mapping }));
    expect(layout).toBe('custom');
    expect(set.incidents).toHaveLength(12);
    expect(new Set(set.incidents.map((i) => i.type))).toEqual(new Set(['drone_strike']));
    expect(set.incidents[0]!.day).toBe('2004-06-18');
    expect(set.incidents.at(-1)!.day).toBe('2016-05-21');
    expect(property(set, 'Notes')[0]).toBe('Synthetic fixture – the “first” strike in this file');
    expect(property(set, 'Notes')[7]).toContain('café');
  });

  it('names the encoding it read and the totals row it left out', () => {
    const { set } = loaded(importIncidents(bytes, { mapping }));
    expect(messages(set).some((m) => m.startsWith('Read as Windows-1252'))).toBe(true);
    expect(set.rejected).toHaveLength(1);
    expect(set.rejected[0]).toMatchObject({ line: 14, problem: 'a totals row, not an incident' });
  });

  it('exports back as UTF-8 without losing a character', () => {
    const outcome = loaded(importIncidents(bytes, { mapping }));
    expectCsvRoundTrip(outcome.set, outcome.columns!, { mapping });
  });
});

describe('A CSV with Urdu place names in Windows-1256', () => {
  const bytes = read('urdu-places-windows-1256.csv');

  it('loads in this app’s layout with the names in Arabic script', () => {
    const { set, layout } = loaded(importIncidents(bytes));
    expect(layout).toBe('native');
    expect(set.incidents).toHaveLength(6);
    expect(property(set, 'place')).toEqual([
      'انگور اڈہ',
      'کرم',
      'ميران شاہ',
      'باجوڑ',
      'چمن',
      'ژوب',
    ]);
    expect(messages(set).some((m) => m.startsWith('Read as Windows-1256'))).toBe(true);
  });

  it('exports back without loss', () => {
    const outcome = loaded(importIncidents(bytes));
    expectCsvRoundTrip(outcome.set, outcome.columns!, {});
  });
});

describe('A UCDP GED CSV with its HXL row', () => {
  const bytes = read('ucdp-ged-pakistan.csv');

  it('keeps UCDP’s three categories as three types', () => {
    const { set, layout } = loaded(importIncidents(bytes));
    expect(layout).toBe('ucdp');
    expect(set.incidents.map((i) => i.type)).toEqual([
      ...Array<string>(4).fill('state_based'),
      ...Array<string>(3).fill('non_state'),
      ...Array<string>(2).fill('one_sided'),
    ]);
    expect(set.incidents.map((i) => i.key).slice(0, 2)).toEqual(['9900001', '9900002']);
    expect(set.incidents[0]!.day).toBe('2025-10-02');
    expect(codes(set)).toContain('skipped-row');
    expect(codes(set)).not.toContain('missing-columns');
  });

  it('exports back without loss, quoted source articles included', () => {
    const outcome = loaded(importIncidents(bytes));
    expect(property(outcome.set, 'source_article')[0]).toContain('""quoted""');
    expectCsvRoundTrip(outcome.set, outcome.columns!, {});
  });
});

describe('UCDP events exported through a shapefile to GeoJSON', () => {
  const bytes = read('ucdp-shapefile-subset.geojson');

  it('are recognised as UCDP by the shortened names they still have', () => {
    const { set, layout } = loaded(importIncidents(bytes));
    expect(layout).toBe('ucdp');
    expect(set.incidents.map((i) => i.type)).toEqual([
      'state_based',
      'state_based',
      'non_state',
      'non_state',
      'non_state',
      'one_sided',
    ]);
    expect(set.incidents.map((i) => i.key)).toEqual([
      '9900003',
      '9900004',
      '9900005',
      '9900006',
      '9900007',
      '9900008',
    ]);
  });

  it('lists the expected columns that are missing and the shortened names it read', () => {
    const { set } = loaded(importIncidents(bytes));
    const [missing, shortened] = set.warnings.filter((w) => w.code === 'missing-columns');
    expect(missing!.message).toMatch(/missing: relid, active_year, code_status, /);
    expect(missing!.message).toContain('latitude, longitude');
    expect(shortened!.message).toContain('type_of_vi = type_of_violence');
    expect(shortened!.message).toContain('source_art = source_article');
  });

  it('exports back without loss', () => {
    expectGeoJsonRoundTrip(loaded(importIncidents(bytes)).set, {});
  });
});

describe('An ACLED workbook as HDX publishes it', () => {
  const bytes = read('acled-pakistan.xlsx');

  it('loads its first sheet with ACLED’s types and Excel’s dates', async () => {
    const outcome = loaded(await importZip(bytes));
    expect(outcome.format).toBe('xlsx');
    expect(outcome.layout).toBe('acled');
    const { set } = outcome;
    expect(set.incidents.map((i) => i.type)).toEqual([
      'armed_clash',
      'airstrike',
      'shelling',
      'ied',
      'armed_clash',
      'attack',
      'grenade',
      'agreement',
    ]);
    expect(set.incidents.map((i) => i.day)).toEqual([
      '2025-10-11',
      '2025-10-12',
      '2025-10-12',
      '2025-10-13',
      '2025-10-15',
      '2025-10-17',
      '2025-10-19',
      '2025-10-25',
    ]);
    expect(set.incidents[0]!.key).toBe('TEST-PAK-001');
    expect(set.incidents[1]).toMatchObject({ lon: 69.83, lat: 32.98 });
  });

  it('skips the HXL row and offers its other sheet', async () => {
    const { set } = loaded(await importZip(bytes));
    const sheets = set.warnings.find((w) => w.code === 'sheets');
    expect(sheets?.sheets).toEqual(['Data', 'Read me']);
    expect(codes(set)).toContain('skipped-row');
  });

  it('reads another sheet when asked, and says why nothing there is an incident', async () => {
    const outcome = await importZip(bytes, { sheet: 'Read me' });
    expect(outcome.status).toBe('needs-mapping');
  });

  it('exports its rows to CSV with its own columns, and they load back the same', async () => {
    const outcome = loaded(await importZip(bytes));
    expect(outcome.columns?.slice(0, 3)).toEqual(['event_id_cnty', 'event_date', 'year']);
    expectCsvRoundTrip(outcome.set, outcome.columns!, {});
  });
});

describe('A Google Earth KML with TimeSpans and ExtendedData', () => {
  const bytes = read('border-clashes.kml');
  const mapping = { date: 'timespan_begin', type: 'category' };

  it('offers its Placemarks’ fields, the TimeSpan among them, in the mapping dialog', () => {
    const outcome = importIncidents(bytes);
    expect(outcome.status).toBe('needs-mapping');
    if (outcome.status !== 'needs-mapping') return;
    expect(outcome.format).toBe('kml');
    expect(outcome.columns).toEqual(
      expect.arrayContaining(['name', 'category', 'killed', 'timespan_begin', 'timespan_end']),
    );
  });

  it('loads every Placemark with its type, day and id', () => {
    const { set } = loaded(importIncidents(bytes, { mapping }));
    expect(set.incidents.map((i) => i.type)).toEqual([
      'cross_border_shelling',
      'cross_border_shelling',
      'armed_clash',
      'armed_clash',
      'airstrike',
      'border_closure',
    ]);
    expect(set.incidents.map((i) => i.day)).toEqual([
      '2025-10-11',
      '2025-10-12',
      '2025-10-15',
      '2025-10-15',
      '2025-10-09',
      '2025-10-01',
    ]);
    expect(set.incidents.at(-1)!.datePrecision).toBe('month');
    expect(set.incidents[0]!.key).toBe('TEST-KML-1');
    expect(set.incidents[0]).toMatchObject({ lon: 69.35, lat: 32.6 });
  });

  it('keeps an HTML description as plain text', () => {
    const { set } = loaded(importIncidents(bytes, { mapping }));
    expect(property(set, 'description')[0]).toBe(
      '<b>Synthetic fixture</b> <img src=x onerror="alert(1)">',
    );
  });

  it('exports back as GeoJSON without loss', () => {
    expectGeoJsonRoundTrip(loaded(importIncidents(bytes, { mapping })).set, { mapping });
  });
});
