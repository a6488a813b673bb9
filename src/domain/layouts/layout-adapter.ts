/**
 * What a layout adapter is, and the pieces adapters share to read an incident's id, day and type.
 * Each layout the app reads (this app's schema, ACLED, UCDP GED, a user's column mapping) is one
 * adapter in a file of its own in this folder, listed once in layout-registry.ts; nothing else in
 * the app knows a layout's column names.
 */
import type { DateReading, DayOrder } from '../incident-date';
import { parseIncidentDate } from '../incident-date';
import { valueMessage } from '../value-words';
import type { FieldReader, JsonObject, TypeResult } from '../parse-incidents';
import { own } from '../parse-incidents';
import { rejectionReason } from '../rejection-words';
import type { IncidentView, ViewReaders } from './incident-view';
import { viewWith } from './incident-view';
import type { ColumnMapping } from './mapped-layout';
import { searchTextOf } from './property-readers';

/** How a layout's files are recognised and read, as the README's layout table shows it. */
export interface LayoutDescription<L extends string = string> {
  layout: L;
  name: string;
  /** All of these names present (CSV header or GeoJSON property keys) identify the layout. */
  detectedBy: readonly string[];
  /**
   * Every column of the source's full files, in its order. A file that lost some (a subset, or a
   * shapefile export that cut names to 10 characters) is still recognised by those it has: see
   * recognise-layout.ts.
   */
  columns: readonly string[];
  /** Gives the incident id when the Feature has no `id` member. */
  idField: string;
  dateField: string;
  /** Date forms accepted besides ISO 8601 (`YYYY-MM-DD`, or a datetime with an offset). */
  dateForms: string;
  typeField: string;
  typeRule: string;
  longitudeField: string;
  latitudeField: string;
}

/** One row of a layout's type table: a value of the source's type column and the code it becomes. */
export interface TypeMappingRow {
  /** The value as the source writes it. */
  value: string;
  /** The incident type code it becomes. */
  code: string;
  /** Why, where the choice is not obvious. */
  why?: string;
  /** How the type is named when its code is not in the taxonomy (the value itself otherwise). */
  label?: string;
}

/** What a field reader needs to know of one file besides its layout. */
export interface FieldReaderOptions {
  /** The user's columns from the mapping dialog (the 'custom' layout only). */
  mapping?: ColumnMapping | undefined;
  /** The file's declared order of numeric dates such as `03/04/2025`. */
  dayOrder?: DayOrder | undefined;
  /** The file's name for each of the layout's columns (see recognise-layout.ts). */
  names?: ReadonlyMap<string, string> | undefined;
  /**
   * Date forms a table's cells may hold whatever the layout: Excel serial days (cells not
   * formatted as dates) and, from a workbook's date cells, a date with a clock time.
   */
  tableDates?: Pick<DateReading, 'excelSerial' | 'localDateTime'> | undefined;
}

/** Everything the app knows of one layout. */
export interface LayoutAdapter<L extends string = string> {
  layout: L;
  /** The table mapping the source's type vocabulary onto this app's, where it has one. */
  types?: readonly TypeMappingRow[];
  /** How to read id, date and type of this layout's features, with one file's options. */
  fields(options: FieldReaderOptions): FieldReader;
  /**
   * One reader per part of the view, from the layout's own columns; blank where they say
   * nothing. A part can be read alone: the map reads only the precision of every row.
   */
  read: ViewReaders;
  /** What the layout's own columns say of an incident: every part of `read`. */
  view(properties: JsonObject): IncidentView;
  /** The searchable text (lower case) of the layout's place, summary and actor columns. */
  searchText(properties: JsonObject): string;
  /**
   * Whether blanks in the view are filled from any known layout's names: for files whose fields
   * nothing fixes (a user's mapping), and for this app's schema, whose files may carry others'.
   */
  fillsBlanks: boolean;
}

/** A layout the importer recognises by its column names. */
export type KnownLayoutAdapter<L extends string = string> = LayoutAdapter<L> & LayoutDescription<L>;

/** The type given to rows of a known layout whose file lost its type column. */
export const UNSPECIFIED_TYPE = 'unspecified';

/** Names that CSV longitude and latitude columns go by when a layout does not fix them. */
export const LONGITUDE_NAMES = ['longitude', 'lon', 'lng', 'long', 'x'];
export const LATITUDE_NAMES = ['latitude', 'lat', 'y'];

/** The first of `names` (in that order, ignoring case and spaces) that is a column, or undefined. */
export function findColumn(
  columns: readonly string[],
  names: readonly string[],
): string | undefined {
  for (const name of names) {
    const found = columns.find((column) => column.trim().toLowerCase() === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A type code from free text: lower case, accents dropped, every run of other characters an
 * underscore (`Peaceful protest` → `peaceful_protest`). Letters of any script are kept.
 */
export function slugifyTypeCode(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** A type read from `field` as text (a number counts as its digits), then turned into a code. */
export function readCode(
  properties: JsonObject,
  field: string,
  codeOf: (text: string) => TypeResult,
): TypeResult {
  const value = own(properties, field);
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { ok: false, ...rejectionReason('field.missing', { field }) };
  }
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
    return {
      ok: false,
      ...rejectionReason('field.notText', { field, value: valueMessage(value) }),
    };
  }
  return codeOf(String(value).trim());
}

/** `text` slugified as a type code, or why it cannot be one. */
export function slugResult(field: string, text: string): TypeResult {
  const code = slugifyTypeCode(text);
  return code === ''
    ? { ok: false, ...rejectionReason('field.noLetters', { field, value: valueMessage(text) }) }
    : { ok: true, type: code };
}

/** A type reader that gives every row the same code. */
export function fixedType(code: string): FieldReader['type'] {
  return () => ({ ok: true, type: code });
}

/** The parts a layout's field reader is made of, bound to one file's options. */
export function fieldParts(options: FieldReaderOptions) {
  const extra = options.tableDates ?? {};
  /** The file's name for a layout column: itself unless the file shortened it. */
  const name = (column: string) => options.names?.get(column) ?? column;
  return {
    name,
    /** The day in `reading.field`, in the layout's forms and those of the file's table cells. */
    date: (properties: JsonObject, reading: DateReading & { field: string }) =>
      parseIncidentDate(own(properties, reading.field), {
        ...reading,
        excelSerial: reading.excelSerial === true || extra.excelSerial === true,
        localDateTime: reading.localDateTime === true || extra.localDateTime === true,
        dayOrder: options.dayOrder,
      }),
    /** Reads the type from a layout column; `unspecified` for every row when the file lost it. */
    typeColumn: (column: string, codeOf: (text: string) => TypeResult): FieldReader['type'] =>
      options.names && !options.names.has(column)
        ? fixedType(UNSPECIFIED_TYPE)
        : (properties) => readCode(properties, name(column), codeOf),
  };
}

/**
 * An adapter's reading of incidents from its part readers: the whole view, and the searchable
 * text of `textColumns` read through `column` (the layout's own names, whole or shortened).
 */
export function readingWith(
  read: ViewReaders,
  textColumns: readonly string[],
  column: (properties: JsonObject, column: string) => unknown = own,
): Pick<LayoutAdapter, 'read' | 'view' | 'searchText'> {
  return {
    read,
    view: viewWith(read),
    searchText: (properties) => searchTextOf(properties, textColumns, column),
  };
}
