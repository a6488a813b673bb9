/**
 * One research table of incidents: its columns, how its CSV is read, and the rules every row must
 * follow to become a GeoJSON Feature. Used by build-incidents.mjs for each table it merges.
 */
import Papa from 'papaparse';

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
/** Coordinates are the researchers' estimates rounded to 0.01°: more decimals would claim more. */
const COORDINATE = /^-?\d+(\.\d{1,2})?$/;

/** Invalid research tables: `problems` lists each bad value with its table, row and column. */
export class IncidentTableError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`the incident tables have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
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

/** Whether `value` is an absolute http(s) URL with a dotted host name. Shared with the crossings build. */
export function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** @param {string} value */
const blankToNull = (value) => (value.trim() === '' ? null : value.trim());

/** Splits a `;`-separated list cell, trimming items and dropping blank ones. */
export const splitList = (value) =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * Parses one research CSV into plain row objects (every value a string), checking the header.
 * @param {string} csvText
 * @param {string} [tableName] named in the error messages
 * @returns {Record<string, string>[]}
 */
export function parseIncidentTable(csvText, tableName = 'incidents.csv') {
  const parsed = Papa.parse(csvText, { header: true, skipEmptyLines: true });
  const problems = parsed.errors.map(
    (error) => `${tableName} CSV line ${(error.row ?? 0) + 2}: ${error.message} (${error.code})`,
  );
  const fields = parsed.meta.fields ?? [];
  if (fields.join(',') !== COLUMNS.join(',')) {
    problems.push(`${tableName}: header is "${fields.join(',')}", expected "${COLUMNS.join(',')}"`);
  }
  if (problems.length > 0) throw new IncidentTableError(problems);
  return /** @type {Record<string, string>[]} */ (parsed.data);
}

/**
 * Turns one CSV row into a GeoJSON Feature, pushing a message for every invalid value.
 * @param {Record<string, string>} row
 * @param {string} where how messages name the row: `2026-border-incidents row 3 (id "…")`
 * @param {{ start: string, end: string }} period the table's research window; dates must lie in it
 * @param {string[]} problems
 */
export function rowToFeature(row, where, period, problems) {
  const fail = (column, message) => problems.push(`${where}, column ${column}: ${message}`);

  if (!/^[a-z0-9][a-z0-9-]*$/.test(row.id)) fail('id', `"${row.id}" is not a lower-case slug`);
  if (!isCalendarDate(row.date)) {
    fail('date', `"${row.date}" is not a calendar date (YYYY-MM-DD)`);
  } else {
    // Ids are `YYYY-MM-DD-name` and the tables' windows do not overlap, so ids of two tables
    // cannot collide; the merge still checks.
    if (!row.id.startsWith(`${row.date}-`)) fail('id', `"${row.id}" does not begin with its date`);
    if (row.date < period.start || row.date > period.end) {
      fail('date', `${row.date} is outside the table's window ${period.start} to ${period.end}`);
    }
  }
  if (!DATE_PRECISIONS.includes(row.date_precision)) {
    fail('date_precision', `"${row.date_precision}" is not one of ${DATE_PRECISIONS.join(', ')}`);
  }
  if (!GEO_PRECISIONS.includes(row.geo_precision)) {
    fail('geo_precision', `"${row.geo_precision}" is not one of ${GEO_PRECISIONS.join(', ')}`);
  }
  for (const column of ['type', 'summary']) {
    if (row[column].trim() === '') fail(column, 'is blank');
  }

  // Coordinates: both or neither, decimal degrees to 0.01°, and only where geo_precision has a location.
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
    const lat = Number(latText);
    const lon = Number(lonText);
    if (!COORDINATE.test(latText) || lat < -90 || lat > 90) {
      fail('latitude', `"${latText}" is not a latitude in decimal degrees to 0.01°`);
    } else if (!COORDINATE.test(lonText) || lon < -180 || lon > 180) {
      fail('longitude', `"${lonText}" is not a longitude in decimal degrees to 0.01°`);
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

  // Sources: at least one http(s) URL, each named by its outlet in the same position.
  const lists = Object.fromEntries(LIST_COLUMNS.map((column) => [column, splitList(row[column])]));
  if (lists.source_urls.length === 0) fail('source_urls', 'the row cites no source');
  for (const url of lists.source_urls) {
    if (!isHttpUrl(url)) fail('source_urls', `"${url}" is not an http(s) URL`);
  }
  if (lists.source_outlets.length !== lists.source_urls.length) {
    fail(
      'source_outlets',
      `names ${lists.source_outlets.length} outlet(s) for ${lists.source_urls.length} source URL(s)`,
    );
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
