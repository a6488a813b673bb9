// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import Papa from 'papaparse';
import { feature as topoFeature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import {
  buildIncidentCollection,
  COLUMNS,
  formatGeoJson,
  IncidentTableError,
  LIST_COLUMNS,
} from './build-incidents.mjs';

type Row = Record<string, string>;
type IncidentFeature = Feature<Point | null, Record<string, unknown>> & { id: string };

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const csvText = read('../sources/incidents.csv');
const csvRows = Papa.parse<Row>(csvText, { header: true, skipEmptyLines: true }).data;
const incidentsText = read('../incidents.geojson');
const incidents = JSON.parse(incidentsText) as FeatureCollection<Point | null> & {
  metadata: Record<string, unknown>;
  features: IncidentFeature[];
};
const durandLine = (JSON.parse(read('../durand-line.geojson')) as FeatureCollection<LineString>)
  .features[0]!;

const require = createRequire(import.meta.url);
const world = topoFeature(
  require('world-atlas/countries-10m.json'),
  require('world-atlas/countries-10m.json').objects.countries,
) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
const countryShape = (isoN3: string) => world.features.find((country) => country.id === isoN3)!;
const ISO_N3: Record<string, string> = { AF: '004', PK: '586', QA: '634', TR: '792' };

const byId = (id: string) => incidents.features.find((incident) => incident.id === id)!;
const located = incidents.features.filter(
  (incident): incident is IncidentFeature & { geometry: Point } => incident.geometry !== null,
);

describe('The incidents dataset', () => {
  it('has one feature per research-table row, in the same order', () => {
    expect(incidents.features).toHaveLength(72);
    expect(incidents.features.map((incident) => incident.id)).toEqual(csvRows.map((row) => row.id));
  });

  it('keeps each id both as the feature id and in its properties', () => {
    for (const incident of incidents.features) expect(incident.properties.id).toBe(incident.id);
  });

  it('cites at least one http(s) source for every feature', () => {
    for (const incident of incidents.features) {
      const urls = incident.properties.source_urls as string[];
      expect(urls.length, incident.id).toBeGreaterThan(0);
      for (const url of urls) expect(new URL(url).protocol, incident.id).toMatch(/^https?:$/);
    }
  });

  it('has null geometry exactly for the rows with blank coordinates', () => {
    const blank = csvRows
      .filter((row) => row.latitude === '' && row.longitude === '')
      .map((row) => row.id);
    const unlocated = incidents.features.filter((incident) => incident.geometry === null);
    expect(unlocated.map((incident) => incident.id)).toEqual(blank);
    expect(blank).toContain('2025-10-11-durand-line-attacks-aggregate');
  });

  it('writes the CSV coordinates as finite [longitude, latitude] numbers', () => {
    for (const incident of located) {
      const row = csvRows.find((candidate) => candidate.id === incident.id)!;
      expect(incident.geometry.coordinates).toEqual([Number(row.longitude), Number(row.latitude)]);
      expect(incident.geometry.coordinates.every(Number.isFinite)).toBe(true);
    }
  });

  it('places every located feature in the country it names, or within 20 km of the Durand Line', () => {
    // Coordinates are ±2–5 km estimates or district centres, and the Natural Earth line is
    // generalised, so points close to the border may fall just across it.
    for (const incident of located) {
      const countries = incident.properties.country as string[];
      const inside = countries.some((code) =>
        booleanPointInPolygon(incident.geometry, countryShape(ISO_N3[code]!)),
      );
      const nearBorder =
        countries.every((code) => code === 'AF' || code === 'PK') &&
        pointToLineDistance(incident.geometry, durandLine, { units: 'kilometers' }) <= 20;
      expect(inside || nearBorder, `${incident.id} at ${incident.geometry.coordinates}`).toBe(true);
    }
  });

  it('locates only the Doha and Istanbul talks outside Afghanistan and Pakistan', () => {
    const abroad = located.filter((incident) =>
      (incident.properties.country as string[]).some((code) => code !== 'AF' && code !== 'PK'),
    );
    expect(new Set(abroad.map((incident) => incident.properties.type))).toEqual(
      new Set(['negotiation', 'ceasefire']),
    );
    expect(new Set(abroad.flatMap((incident) => incident.properties.country as string[]))).toEqual(
      new Set(['QA', 'TR']),
    );
  });

  it('keeps every CSV column except latitude and longitude, under the same name', () => {
    const expected = COLUMNS.filter((column) => column !== 'latitude' && column !== 'longitude');
    for (const incident of incidents.features) {
      expect(Object.keys(incident.properties)).toEqual(expected);
    }
  });

  it('keeps the text of every cell', () => {
    for (const row of csvRows) {
      const properties = byId(row.id!).properties;
      for (const column of COLUMNS) {
        if (column === 'latitude' || column === 'longitude') continue;
        const cell = row[column]!.trim();
        const value = properties[column];
        if (LIST_COLUMNS.includes(column)) expect((value as string[]).join(';'), column).toBe(cell);
        else if (cell === '') expect(value, `${row.id} ${column}`).toBeNull();
        else expect(String(value), `${row.id} ${column}`).toBe(cell);
      }
    }
  });

  it('keeps both sides of a disputed toll in fatality_claims', () => {
    const clash = byId('2025-10-15-spin-boldak-ground-clash').properties;
    expect(clash.fatality_claims).toContain('IEA (Mujahid): 12+ Afghan civilians killed');
    expect(clash.fatality_claims).toContain('ISPR: 15-20 Taliban killed');
    expect([clash.fatalities_min, clash.fatalities_max]).toEqual([12, 20]);
  });

  it('writes blank numbers as null and keeps an explicit zero', () => {
    const kabul = byId('2025-10-09-kabul-abdul-haq-square-strike').properties;
    expect([kabul.fatalities_min, kabul.fatalities_max]).toEqual([0, null]);
  });

  it('writes blank text as null and blank lists as empty arrays', () => {
    const truce = byId('2025-10-15-48-hour-ceasefire');
    expect(truce.geometry).toBeNull();
    expect(truce.properties).toMatchObject({ province: [], district: [], injuries: null });
    expect(truce.properties.actors).toEqual([
      'Government of Pakistan',
      'Islamic Emirate of Afghanistan',
    ]);
  });

  it('carries dataset metadata without a build timestamp', () => {
    expect(Object.keys(incidents.metadata)).toEqual(
      expect.arrayContaining(['title', 'period', 'source', 'licence', 'generated_by']),
    );
    expect(incidentsText).not.toMatch(/generated_at|timestamp|\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('is exactly what the build script writes from the committed CSV', () => {
    expect(formatGeoJson(buildIncidentCollection(csvText))).toBe(incidentsText);
  });
});

/** A valid research-table row; override cells to make it invalid. */
function makeRow(overrides: Row = {}): Row {
  return {
    id: '2025-10-01-test-row',
    date: '2025-10-01',
    time_local: '',
    date_precision: 'day',
    type: 'armed_clash',
    actors: 'Side A;Side B',
    country: 'PK',
    province: 'Khyber Pakhtunkhwa',
    district: 'Kurram',
    place: 'Test place',
    latitude: '33.8',
    longitude: '70.15',
    geo_precision: 'district',
    fatalities_min: '1',
    fatalities_max: '2',
    fatality_claims: '',
    injuries: '',
    summary: 'A test row.',
    source_urls: 'https://example.org/report',
    source_outlets: 'Example',
    ...overrides,
  };
}

const toCsv = (rows: Row[]) => Papa.unparse(rows, { columns: COLUMNS });

function problemsOf(rows: Row[]): string[] {
  try {
    buildIncidentCollection(toCsv(rows));
  } catch (error) {
    if (error instanceof IncidentTableError)
      return (error as IncidentTableError & { problems: string[] }).problems;
    throw error;
  }
  return [];
}

describe('The incidents build', () => {
  it('accepts a valid row', () => {
    expect(problemsOf([makeRow()])).toEqual([]);
  });

  it('rejects a date that is not on the calendar, naming the row id and column', () => {
    expect(problemsOf([makeRow({ date: '2025-02-30' })])).toEqual([
      'row 1 (id "2025-10-01-test-row"), column date: "2025-02-30" is not a calendar date (YYYY-MM-DD)',
    ]);
  });

  it('rejects a coordinate that is not a number', () => {
    expect(problemsOf([makeRow({ longitude: '70.1E' })])).toEqual([
      expect.stringMatching(/id "2025-10-01-test-row"\), column longitude: "70.1E"/),
    ]);
  });

  it('rejects a fatality count that is not a number', () => {
    expect(problemsOf([makeRow({ fatalities_max: '12+' })])).toEqual([
      expect.stringMatching(/column fatalities_max: "12\+" is not a whole number/),
    ]);
  });

  it('rejects a minimum toll above the maximum', () => {
    expect(problemsOf([makeRow({ fatalities_min: '9', fatalities_max: '3' })])).toEqual([
      expect.stringMatching(/column fatalities_min: 9 is greater than fatalities_max 3/),
    ]);
  });

  it('rejects a source that is not an http(s) URL', () => {
    expect(
      problemsOf([makeRow({ source_urls: 'https://example.org/a;ftp://example.org/b' })]),
    ).toEqual([
      expect.stringMatching(/column source_urls: "ftp:\/\/example.org\/b" is not an http\(s\) URL/),
    ]);
  });

  it('rejects a row that cites no source', () => {
    expect(problemsOf([makeRow({ source_urls: '' })])).toEqual([
      expect.stringMatching(/column source_urls: the row cites no source/),
    ]);
  });

  it('rejects a located precision without coordinates', () => {
    expect(problemsOf([makeRow({ latitude: '', longitude: '' })])).toEqual([
      expect.stringMatching(/column latitude: is blank but geo_precision "district"/),
    ]);
  });

  it('rejects a repeated id', () => {
    expect(problemsOf([makeRow(), makeRow()])).toEqual([
      'row 2 (id "2025-10-01-test-row"), column id: duplicate id',
    ]);
  });

  it('reports every problem in the table at once', () => {
    const rows = [makeRow({ date: 'soon' }), makeRow({ id: 'second', source_urls: '' })];
    expect(problemsOf(rows)).toHaveLength(2);
  });
});
