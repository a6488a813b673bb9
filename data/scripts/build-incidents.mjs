/**
 * Builds data/incidents.geojson from the research table data/sources/incidents.csv.
 *
 * Every row becomes one Feature, in CSV order. Every column is kept under its CSV name, except
 * latitude/longitude, which become the geometry (null when the row has no location). The build
 * stops with a non-zero exit and a message naming the row and column if a row is invalid.
 *
 * Usage: node data/scripts/build-incidents.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const DATA_DIR = fileURLToPath(new URL('..', import.meta.url));
const CSV_PATH = DATA_DIR + 'sources/incidents.csv';
const OUT_PATH = DATA_DIR + 'incidents.geojson';

/** The research table's columns, in order. A change to the table must be made here on purpose. */
export const COLUMNS = [
  'id',
  'date',
  'time_local',
  'date_precision',
  'type',
  'actors',
  'country',
  'province',
  'district',
  'place',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities_min',
  'fatalities_max',
  'fatality_claims',
  'injuries',
  'summary',
  'source_urls',
  'source_outlets',
];

/** Columns that hold `;`-separated lists in the CSV and arrays in the GeoJSON. */
export const LIST_COLUMNS = [
  'actors',
  'country',
  'province',
  'district',
  'source_urls',
  'source_outlets',
];

const DATE_PRECISIONS = ['day', 'week'];
const GEO_PRECISIONS = ['place', 'district', 'province', 'multiple', 'none'];
/** geo_precision values that mean "no single location": such rows must have blank coordinates. */
const UNLOCATED_PRECISIONS = ['multiple', 'none'];

/** The dataset-level description written into the GeoJSON's `metadata` member. */
export const METADATA = {
  title: 'Violent incidents along the Afghanistan–Pakistan border (Durand Line), autumn 2025',
  period: {
    start: '2025-09-01',
    end: '2025-11-30',
    note: 'Research window. The earliest row is dated 2025-09-02 and the latest 2025-11-29.',
  },
  source:
    'Hand-compiled research table (sources/incidents.csv) built from stored copies of news reports; ' +
    'method, inclusion rules and disputed claims are in sources/NOTES.md and README.md. ' +
    'Each feature cites its own reports in source_urls and source_outlets.',
  coordinates:
    "The researcher's own gazetteer estimates, rounded to 0.01°, not taken from the reports. " +
    'geo_precision says what a point stands for: place (±2–5 km), district or province (approximate ' +
    'centre); multiple and none have no geometry. Not survey-grade.',
  fatalities:
    'fatalities_min/fatalities_max are the lowest and highest total deaths given for the incident by any ' +
    'single cited claimant; blank (null) means no number was reported, 0 means a source reported none. ' +
    'fatality_claims says who said what. Do not add up fatalities across rows: an aggregate row and its ' +
    'sector rows describe the same night.',
  licence:
    'CC BY 4.0 recommended for this dataset (summaries are original text). Linked articles keep their own copyright.',
  generated_by: 'data/scripts/build-incidents.mjs',
};

/** An invalid research table: `problems` lists each bad value with its row and column. */
export class IncidentTableError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`incidents.csv has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'IncidentTableError';
    this.problems = problems;
  }
}

/** @param {string} value */
function isCalendarDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** @param {string} value */
function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** @param {string} value */
const blankToNull = (value) => (value.trim() === '' ? null : value.trim());

/** @param {string} value */
const splitList = (value) =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * Parses the research CSV text into plain row objects (every value a string), checking the header.
 * @param {string} csvText
 * @returns {Record<string, string>[]}
 */
export function parseIncidentTable(csvText) {
  const parsed = Papa.parse(csvText, { header: true, skipEmptyLines: true });
  const problems = parsed.errors.map(
    (error) => `CSV line ${(error.row ?? 0) + 2}: ${error.message} (${error.code})`,
  );
  const fields = parsed.meta.fields ?? [];
  if (fields.join(',') !== COLUMNS.join(',')) {
    problems.push(`header is "${fields.join(',')}", expected "${COLUMNS.join(',')}"`);
  }
  if (problems.length > 0) throw new IncidentTableError(problems);
  return /** @type {Record<string, string>[]} */ (parsed.data);
}

/**
 * Turns one CSV row into a GeoJSON Feature, pushing a message for every invalid value.
 * @param {Record<string, string>} row
 * @param {number} index zero-based data row index
 * @param {string[]} problems
 */
function rowToFeature(row, index, problems) {
  const where = `row ${index + 1} (id "${row.id}")`;
  const fail = (column, message) => problems.push(`${where}, column ${column}: ${message}`);

  if (!/^[a-z0-9][a-z0-9-]*$/.test(row.id)) fail('id', `"${row.id}" is not a lower-case slug`);
  if (!isCalendarDate(row.date)) fail('date', `"${row.date}" is not a calendar date (YYYY-MM-DD)`);
  if (!DATE_PRECISIONS.includes(row.date_precision)) {
    fail('date_precision', `"${row.date_precision}" is not one of ${DATE_PRECISIONS.join(', ')}`);
  }
  if (!GEO_PRECISIONS.includes(row.geo_precision)) {
    fail('geo_precision', `"${row.geo_precision}" is not one of ${GEO_PRECISIONS.join(', ')}`);
  }
  for (const column of ['type', 'summary']) {
    if (row[column].trim() === '') fail(column, 'is blank');
  }

  // Coordinates: both or neither, finite decimal degrees, and only where geo_precision has a location.
  const latText = row.latitude.trim();
  const lonText = row.longitude.trim();
  let geometry = null;
  if (latText === '' && lonText === '') {
    if (!UNLOCATED_PRECISIONS.includes(row.geo_precision)) {
      fail('latitude', `is blank but geo_precision "${row.geo_precision}" implies a location`);
    }
  } else if (latText === '' || lonText === '') {
    fail(latText === '' ? 'latitude' : 'longitude', 'is blank while the other coordinate is set');
  } else {
    const decimal = /^-?\d+(\.\d+)?$/;
    const lat = Number(latText);
    const lon = Number(lonText);
    if (!decimal.test(latText) || lat < -90 || lat > 90) {
      fail('latitude', `"${latText}" is not a latitude in decimal degrees`);
    } else if (!decimal.test(lonText) || lon < -180 || lon > 180) {
      fail('longitude', `"${lonText}" is not a longitude in decimal degrees`);
    } else if (UNLOCATED_PRECISIONS.includes(row.geo_precision)) {
      fail('geo_precision', `"${row.geo_precision}" but the row has coordinates`);
    } else {
      geometry = { type: 'Point', coordinates: [lon, lat] };
    }
  }

  // Fatalities: blank (no number reported) or a whole number; min never above max.
  const fatalities = {};
  for (const column of ['fatalities_min', 'fatalities_max']) {
    const text = row[column].trim();
    if (text === '') fatalities[column] = null;
    else if (/^\d+$/.test(text)) fatalities[column] = Number(text);
    else {
      fail(column, `"${text}" is not a whole number of deaths`);
      fatalities[column] = null;
    }
  }
  if (
    fatalities.fatalities_min !== null &&
    fatalities.fatalities_max !== null &&
    fatalities.fatalities_min > fatalities.fatalities_max
  ) {
    fail(
      'fatalities_min',
      `${fatalities.fatalities_min} is greater than fatalities_max ${fatalities.fatalities_max}`,
    );
  }

  const lists = Object.fromEntries(LIST_COLUMNS.map((column) => [column, splitList(row[column])]));
  if (lists.source_urls.length === 0) fail('source_urls', 'the row cites no source');
  for (const url of lists.source_urls) {
    if (!isHttpUrl(url)) fail('source_urls', `"${url}" is not an http(s) URL`);
  }

  const properties = {};
  for (const column of COLUMNS) {
    if (column === 'latitude' || column === 'longitude') continue;
    if (column in lists) properties[column] = lists[column];
    else if (column in fatalities) properties[column] = fatalities[column];
    else properties[column] = blankToNull(row[column]);
  }
  return { type: 'Feature', id: row.id, geometry, properties };
}

/**
 * Builds the incidents FeatureCollection from the research CSV text.
 * @param {string} csvText
 * @throws {IncidentTableError} listing every invalid value, by row id and column
 */
export function buildIncidentCollection(csvText) {
  const rows = parseIncidentTable(csvText);
  const problems = [];
  const features = rows.map((row, index) => rowToFeature(row, index, problems));

  const seen = new Set();
  rows.forEach((row, index) => {
    if (seen.has(row.id))
      problems.push(`row ${index + 1} (id "${row.id}"), column id: duplicate id`);
    seen.add(row.id);
  });
  if (problems.length > 0) throw new IncidentTableError(problems);

  return { type: 'FeatureCollection', metadata: METADATA, features };
}

/** Serialises a collection with one-space indentation and a trailing newline, so diffs stay readable. */
export function formatGeoJson(collection) {
  return JSON.stringify(collection, null, 1) + '\n';
}

function main() {
  let collection;
  try {
    collection = buildIncidentCollection(readFileSync(CSV_PATH, 'utf8'));
  } catch (error) {
    console.error(error instanceof IncidentTableError ? error.message : error);
    process.exit(1);
  }
  writeFileSync(OUT_PATH, formatGeoJson(collection));
  const located = collection.features.filter((feature) => feature.geometry !== null).length;
  console.log(
    `incidents.geojson: ${collection.features.length} features (${located} located), ` +
      `${Buffer.byteLength(formatGeoJson(collection))} bytes`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
