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
 * A cell a spreadsheet may take for a formula (OWASP's CSV injection list): one starting with
 * `=`, `+`, `@`, a tab or a carriage return, or with `-` when it is not a plain number such as
 * `-3.5` or `-1e5` (a negative figure stays a number in the sheet).
 */
export const FORMULA_START = /^(?:[=+@\t\r]|-(?!(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$))/;

/** The first characters FORMULA_START can match, to skip the others cheaply. */
const FORMULA_FIRST = new Set([...'=+-@\t\r'].map((c) => c.charCodeAt(0)));

/** Whether a spreadsheet may take this cell for a formula (see FORMULA_START). */
export function startsLikeFormula(cell: string): boolean {
  return FORMULA_FIRST.has(cell.charCodeAt(0)) && FORMULA_START.test(cell);
}

/** How a CSV is written, and what was seen while writing it. */
export interface CsvOptions {
  /**
   * Prefix `'` to every cell, header included, that starts like a formula (see FORMULA_START),
   * so a spreadsheet shows it as text. Off: every cell exactly as read.
   */
  spreadsheetSafe?: boolean;
  /** Counts the cells, header included, that start like a formula (prefixed or not). */
  tally?: { formulaCells: number };
}

/**
 * CSV text piece by piece, each ending in a line break: the header, then the rows a few
 * thousand at a time, so a million rows never have to fit in one string.
 */
function* csvChunks(
  fields: string[],
  rows: Iterable<string[]>,
  { spreadsheetSafe = false, tally }: CsvOptions,
): Generator<string> {
  const config = {
    newline: '\r\n',
    ...(spreadsheetSafe ? { escapeFormulae: FORMULA_START } : {}),
  };
  const count = (cells: readonly string[]) => {
    if (tally) for (const cell of cells) if (startsLikeFormula(cell)) tally.formulaCells++;
  };
  count(fields);
  // Papaparse ends a table without rows with a line break and one with rows without.
  const header = Papa.unparse({ fields, data: [] }, config);
  yield header.endsWith('\r\n') ? header : header + '\r\n';
  let batch: string[][] = [];
  for (const row of rows) {
    count(row);
    batch.push(row);
    if (batch.length === CSV_CHUNK_ROWS) {
      yield Papa.unparse(batch, config) + '\r\n';
      batch = [];
    }
  }
  if (batch.length > 0) yield Papa.unparse(batch, config) + '\r\n';
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
 * Values are never altered unless `options.spreadsheetSafe`: by default a cell that starts with
 * `=`, `+`, `-` or `@` may be taken for a formula by a spreadsheet that opens the file (the data
 * is kept as it is, so what was loaded exports back unchanged); spreadsheet-safe, such a cell
 * (header included) gets a `'` in front, which stays in the text when the file is loaded again.
 */
export function exportCsv(
  incidents: readonly Incident[],
  columns: string[] | null,
  options: CsvOptions = {},
): string {
  return [...exportCsvChunks(incidents, columns, options)].join('');
}

/** `exportCsv`'s text piece by piece (see `csvChunks`). */
export function* exportCsvChunks(
  incidents: readonly Incident[],
  columns: string[] | null,
  options: CsvOptions = {},
): Generator<string> {
  const ordered = [...incidents].sort((a, b) => a.index - b.index);
  if (columns === null) {
    const { fields, data } = geoJsonTable(ordered);
    yield* csvChunks(fields, data, options);
    return;
  }
  const keys = uniqueColumnKeys(columns);
  yield* csvChunks(
    columns,
    ordered.map(({ feature }) => keys.map((key) => cellText(own(feature.properties, key)))),
    options,
  );
}
