/**
 * Reading values from an incident's properties, for the layout adapters' views. Untrusted data:
 * own properties only, and every value is checked before it is used.
 */
import type { JsonObject } from '../parse-incidents';
import { own } from '../parse-incidents';
import type { FatalityRange } from './incident-view';

/** A shapefile's attribute table (dBase) holds names of at most this many characters. */
const SHAPEFILE_NAME_LENGTH = 10;

/** A column's name as a shapefile stores it: cut to 10 characters. */
export function shapefileName(column: string): string {
  return column.slice(0, SHAPEFILE_NAME_LENGTH);
}

/**
 * Reads a layout's columns under their full name or, in a file that went through a shapefile,
 * cut to 10 characters. A cut name stands for the first of the columns it cuts that is not itself
 * a column, as recognise-layout.ts matches them (`assoc_acto` is `assoc_actor_1`).
 */
export function columnReader(
  columns: readonly string[],
): (properties: JsonObject, column: string) => unknown {
  const cut = new Map<string, string>();
  const taken = new Set(columns);
  for (const column of columns) {
    const name = shapefileName(column);
    if (taken.has(name)) continue;
    cut.set(column, name);
    taken.add(name);
  }
  return (properties, column) => {
    const value = own(properties, column);
    if (value !== undefined) return value;
    const name = cut.get(column);
    return name === undefined ? undefined : own(properties, name);
  };
}

/** Text of a value: a non-blank string as it is, a list of strings joined; '' otherwise. */
export function readText(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '' : value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(', ');
  return '';
}

// The readers below are plain loops: the facet columns call them for every row of a million.

/** A list from an array of strings or a `;`-separated string, each item trimmed, none blank. */
export function readList(value: unknown): string[] {
  const items: string[] = [];
  const parts = typeof value === 'string' ? value.split(';') : Array.isArray(value) ? value : [];
  for (const part of parts) {
    if (typeof part !== 'string') continue;
    const item = part.trim();
    if (item !== '') items.push(item);
  }
  return items;
}

/** Names from several lists, each once, in order. */
export function uniqueNames(...lists: string[][]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const name of list) {
      if (seen.has(name)) continue;
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}

/** A finite number, or its text (as a CSV or an attribute table writes it); null otherwise. */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** One number as both ends of the range (a layout that gives a single figure). */
export function singleFigure(value: unknown): FatalityRange {
  const figure = readNumber(value);
  return { low: figure, high: figure };
}

/** The two countries' names and numeric ids, lower case. A map: no name reaches a prototype. */
const COUNTRY_CODES: ReadonlyMap<string, string> = new Map([
  ['afghanistan', 'AF'],
  ['pakistan', 'PK'],
  ['4', 'AF'], // ISO 3166 numeric
  ['586', 'PK'],
  ['700', 'AF'], // Gleditsch–Ward country id
  ['770', 'PK'],
]);

/**
 * Country codes from names, lists of names or codes, and numeric ids: AF and PK where known,
 * anything else as written, upper-cased; each once.
 */
export function readCountries(...values: unknown[]): string[] {
  const codes: string[] = [];
  for (const value of values) {
    for (const name of typeof value === 'number' ? [String(value)] : readList(value)) {
      const code = COUNTRY_CODES.get(name.toLowerCase()) ?? name.toUpperCase();
      if (!codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}

/** The searchable text of these columns, lower-cased, as one string. */
export function searchTextOf(
  properties: JsonObject,
  columns: readonly string[],
  read: (properties: JsonObject, column: string) => unknown = own,
): string {
  const parts: string[] = [];
  for (const column of columns) {
    const value = read(properties, column);
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value))
      parts.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return parts.join(' \u0000 ').toLowerCase();
}
