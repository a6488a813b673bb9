import Papa from 'papaparse';
import type { Incident } from '../incident';
import type { JsonObject } from '../parse-incidents';
import { own } from '../parse-incidents';
import { uniqueColumnKeys } from './column-keys';

/** A cell's text: strings exactly, numbers and booleans as JSON writes them, nested values as JSON. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `name`, else `geometry_name`, else `geometry_name_2`…: a column name no property uses. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let candidate = `geometry_${name}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `geometry_${name}_${n}`;
  return candidate;
}

function geoJsonTable(incidents: readonly Incident[]): { fields: string[]; data: string[][] } {
  const propertyKeys = new Set<string>();
  let hasFeatureId = false;
  let hasAltitude = false;
  for (const { feature } of incidents) {
    for (const key of Object.keys(feature.properties)) propertyKeys.add(key);
    if (Object.hasOwn(feature, 'id')) hasFeatureId = true;
    if (feature.geometry && feature.geometry.coordinates.length === 3) hasAltitude = true;
  }
  const keys = [...propertyKeys];
  const idColumn = hasFeatureId ? [propertyKeys.has('id') ? 'feature_id' : 'id'] : [];
  const taken = new Set([...keys, ...idColumn]);
  const geometryColumns = ['lon', 'lat', ...(hasAltitude ? ['alt'] : [])].map((name) => {
    const free = freeName(name, taken);
    taken.add(free);
    return free;
  });
  const data = incidents.map(({ feature }) => {
    const coordinates = feature.geometry?.coordinates;
    return [
      ...(hasFeatureId ? [cellText(own(feature as JsonObject, 'id'))] : []),
      ...keys.map((key) => cellText(own(feature.properties, key))),
      cellText(coordinates?.[0]),
      cellText(coordinates?.[1]),
      ...(hasAltitude ? [cellText(coordinates?.[2])] : []),
    ];
  });
  return { fields: [...idColumn, ...keys, ...geometryColumns], data };
}

/** Rows written per piece of `csvChunks`. */
export const CSV_CHUNK_ROWS = 5_000;

/**
 * CSV text piece by piece, each ending in a line break: the header, then the rows a few
 * thousand at a time, so a million rows never have to fit in one string.
 */
function* csvChunks(fields: string[], rows: Iterable<string[]>): Generator<string> {
  // Papaparse ends a table without rows with a line break and one with rows without.
  const header = Papa.unparse({ fields, data: [] }, { newline: '\r\n' });
  yield header.endsWith('\r\n') ? header : header + '\r\n';
  let batch: string[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === CSV_CHUNK_ROWS) {
      yield Papa.unparse(batch, { newline: '\r\n' }) + '\r\n';
      batch = [];
    }
  }
  if (batch.length > 0) yield Papa.unparse(batch, { newline: '\r\n' }) + '\r\n';
}

/**
 * The incidents as CSV text (RFC 4180, CRLF), in load order.
 *
 * - `columns` given (the file was CSV): the original header, repeated names included, and each
 *   row's values exactly as read.
 * - `columns` null (the file was GeoJSON): one column per property name (first seen first;
 *   nested objects and arrays as JSON text, null as an empty cell), then `lon`, `lat` (and `alt`
 *   when a point has one). The Feature `id`, when any has one, comes first as `id` (or
 *   `feature_id` when a property is already called `id`); a geometry column whose name a
 *   property already uses becomes `geometry_lon`….
 *
 * Values are never altered, so a cell that starts with `=`, `+`, `-` or `@` may be taken for a
 * formula by a spreadsheet that opens the file: the data is kept as it is, not defused.
 */
export function exportCsv(incidents: readonly Incident[], columns: string[] | null): string {
  return [...exportCsvChunks(incidents, columns)].join('');
}

/** `exportCsv`'s text piece by piece (see `csvChunks`). */
export function* exportCsvChunks(
  incidents: readonly Incident[],
  columns: string[] | null,
): Generator<string> {
  const ordered = [...incidents].sort((a, b) => a.index - b.index);
  if (columns === null) {
    const { fields, data } = geoJsonTable(ordered);
    yield* csvChunks(fields, data);
    return;
  }
  const keys = uniqueColumnKeys(columns);
  yield* csvChunks(
    columns,
    ordered.map(({ feature }) => keys.map((key) => cellText(own(feature.properties, key)))),
  );
}
