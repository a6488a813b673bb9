/**
 * Rows of a table (a CSV file, or an XLSX sheet read as text) → incidents. Each row becomes a
 * Feature whose properties are every column's text exactly as read, whose geometry comes from the
 * coordinate columns and whose `id` is the layout's id column.
 */
import { mappingReason } from './mapping-words';
import { sentWarning } from './warning-words';
import type { Message } from '../message';
import type { Incident, IncidentFeature, LoadWarning, RejectedFeature } from '../incident';
import type { FieldReader, JsonObject } from '../parse-incidents';
import { findDuplicateIds, own, setOwn, validateFeature } from '../parse-incidents';
import { describeDuplicateColumns, uniqueColumnKeys } from './column-keys';
import type { ImportOptions, ImportOutcome } from './import-incidents';
import { findColumn, LATITUDE_NAMES, LONGITUDE_NAMES } from '../layouts/layout-adapter';
import type { Layout } from '../layouts/layout-registry';
import { fieldReaderFor } from '../layouts/layout-registry';
import { countAmbiguousDates, NEEDS_MAPPING, SAMPLE_ROWS, swapNotice } from './load-checks';
import { phase } from './progress';
import type { CsvRow, CsvTable } from './read-csv';
import { describeMissingColumns, recogniseLayout } from './recognise-layout';
import { checkRegion } from './region-checks';
import { trackProblems } from './rejection-problems';
import type { Reason, SentReason } from '../rejection-words';
import { rejectedAs, rejectionReason } from '../rejection-words';

type NeedsMapping = Extract<ImportOutcome, { status: 'needs-mapping' }>;

interface TablePlan {
  layout: Layout;
  keys: string[];
  /** The file's name for each of a known layout's columns. */
  names: ReadonlyMap<string, string> | undefined;
  idKey: string | undefined;
  lonColumn: number;
  latColumn: number;
  warnings: LoadWarning[];
}

/**
 * Loads the rows of `table`. `format` says where they came from. Both read Excel
 * serial day numbers as dates. `report` gets the fraction of the rows done.
 */
export function importTable(
  table: CsvTable,
  format: 'csv' | 'xlsx',
  options: ImportOptions,
  report: (fraction: number) => void,
): ImportOutcome {
  const keys = uniqueColumnKeys(table.header);
  const plan = planTable(keys, table.rows, format, options);
  if ('reason' in plan) return plan;

  const tracked = trackProblems(
    fieldReaderFor(plan.layout, {
      mapping: options.mapping,
      dayOrder: options.dayOrder,
      names: plan.names,
      // A date cell that lost its format holds its serial day, in the sheet and in a CSV saved
      // from it, so a 5-digit number in the date column reads as one in both. A workbook's
      // date cells with a time of day are read as `YYYY-MM-DD HH:MM:SS` (see read-workbook.ts).
      tableDates: { excelSerial: true, localDateTime: format === 'xlsx' },
    }),
  );
  const fields = countAmbiguousDates(tracked.fields);
  const progress = phase(report, 0, 1);
  const incidents: Incident[] = [];
  const rejected: RejectedFeature[] = [];
  table.rows.forEach((row, index) => {
    const result = rowToIncident(row, index, plan, fields.fields, options.swapCoordinates === true);
    if ('reason' in result) rejected.push({ ...result, problem: tracked.problemOf(result.reason) });
    else incidents.push(result);
    if (index % 256 === 0) progress(index / table.rows.length);
  });

  const warnings = [
    ...table.warnings,
    ...describeDuplicateColumns(table.header, keys),
    ...plan.warnings,
    ...(table.rows.length === 0 ? [sentWarning('other', 'noDataRows')] : []),
    ...findDuplicateIds(incidents),
    ...checkRegion(incidents),
    ...fields.ambiguous(),
    ...(options.swapCoordinates ? [swapNotice(incidents)] : []),
  ];
  return {
    status: 'loaded',
    format,
    layout: plan.layout,
    set: { incidents, rejected, warnings, collectionMembers: {} },
    columns: table.header,
  };
}

/** Decides the layout and the id and coordinate columns, or says that a mapping is needed. */
function planTable(
  keys: string[],
  rows: readonly CsvRow[],
  format: 'csv' | 'xlsx',
  options: ImportOptions,
): TablePlan | NeedsMapping {
  const needsMapping = (reason: string, sent?: Message): NeedsMapping => ({
    status: 'needs-mapping',
    format,
    columns: keys,
    sample: rows.slice(0, SAMPLE_ROWS).map((row) => rowObject(keys, row.cells)),
    reason,
    ...(sent ? { sent } : {}),
  });

  let layout: Layout;
  let names: ReadonlyMap<string, string> | undefined;
  let idName: string | undefined = 'id';
  let lonKey: string | undefined;
  let latKey: string | undefined;
  const warnings: LoadWarning[] = [];
  const { mapping } = options;
  if (mapping) {
    for (const [role, column] of [
      ['date', mapping.date],
      ['type', mapping.type],
      ['longitude', mapping.longitude],
      ['latitude', mapping.latitude],
    ] as const) {
      if (column !== undefined && !keys.includes(column)) {
        const { reason, sent } = mappingReason(`columnMissing.${role}`, { column });
        return needsMapping(reason, sent);
      }
    }
    if ((mapping.longitude === undefined) !== (mapping.latitude === undefined)) {
      const { reason, sent } = mappingReason('halfPosition');
      return needsMapping(reason, sent);
    }
    layout = 'custom';
    lonKey = mapping.longitude ?? findColumn(keys, LONGITUDE_NAMES);
    latKey = mapping.latitude ?? findColumn(keys, LATITUDE_NAMES);
  } else {
    const recognised = recogniseLayout(keys);
    if (!recognised) return needsMapping(NEEDS_MAPPING.reason, NEEDS_MAPPING.sent);
    layout = recognised.layout.layout;
    if (layout === 'native') {
      lonKey = findColumn(keys, LONGITUDE_NAMES);
      latKey = findColumn(keys, LATITUDE_NAMES);
    } else {
      // The file's names for the layout's id and position columns, whole or shortened.
      const { idField, longitudeField, latitudeField } = recognised.layout;
      names = recognised.names;
      idName = names.get(idField);
      lonKey = names.get(longitudeField);
      latKey = names.get(latitudeField);
      warnings.push(...describeMissingColumns(recognised));
    }
  }

  if (lonKey === undefined || latKey === undefined) {
    const found = lonKey ?? latKey;
    warnings.push(
      found === undefined
        ? sentWarning('other', 'noPosition')
        : sentWarning('other', 'halfPosition', { column: found }),
    );
    lonKey = latKey = undefined;
  }
  return {
    layout,
    keys,
    names,
    idKey: idName !== undefined && keys.includes(idName) ? idName : undefined,
    lonColumn: lonKey === undefined ? -1 : keys.indexOf(lonKey),
    latColumn: latKey === undefined ? -1 : keys.indexOf(latKey),
    warnings,
  };
}

/** A row as column → text; extra cells beyond the header go under `column N`. */
function rowObject(keys: readonly string[], cells: readonly string[]): JsonObject {
  const object: JsonObject = {};
  cells.forEach((cell, i) => setOwn(object, keys[i] ?? `column ${i + 1}`, cell));
  return object;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A coordinate cell: a finite decimal number, null when blank, else the reason it is unusable. */
function readCoordinate(text: string, column: string): number | null | Reason {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // The cell is quoted only in a reason: every coordinate of a large table is read here.
  if (!DECIMAL.test(trimmed)) {
    const comma = /^[+-]?\d+,\d+$/.test(trimmed);
    return rejectionReason(comma ? 'table.notDecimalComma' : 'table.notDecimal', {
      field: column,
      value: trimmed.slice(0, 40),
    });
  }
  const value = Number(trimmed);
  return Number.isFinite(value)
    ? value
    : rejectionReason('table.notFiniteCell', { field: column, value: trimmed.slice(0, 40) });
}

/** A GeoJSON Point from the coordinate cells; null for blank cells; else the reason. */
function rowGeometry(
  row: CsvRow,
  plan: TablePlan,
  swap: boolean,
): IncidentFeature['geometry'] | Reason {
  if (plan.lonColumn < 0) return null;
  const lonName = plan.keys[plan.lonColumn]!;
  const latName = plan.keys[plan.latColumn]!;
  const lon = readCoordinate(row.cells[plan.lonColumn] ?? '', lonName);
  const lat = readCoordinate(row.cells[plan.latColumn] ?? '', latName);
  if (lon !== null && typeof lon === 'object') return lon;
  if (lat !== null && typeof lat === 'object') return lat;
  if (lon === null && lat === null) return null;
  const halfBlank = (field: string, other: string, column: number) =>
    rejectionReason('table.halfBlank', { field, other, value: row.cells[column]!.trim() });
  if (lon === null) return halfBlank(lonName, latName, plan.latColumn);
  if (lat === null) return halfBlank(latName, lonName, plan.lonColumn);
  return { type: 'Point', coordinates: swap ? [lat, lon] : [lon, lat] };
}

/** Spreadsheets end with a sum: a first filled cell such as `Total` or `Grand total:`. */
const TOTALS = /^(?:grand\s+)?(?:sub-?)?totals?\b/i;

/**
 * One row as an incident: a Feature whose properties are every column's text exactly as
 * read, whose geometry comes from the coordinate columns and whose `id` is the layout's id column.
 * A rejection hands back the row (column → text), its line and its exact text.
 */
function rowToIncident(
  row: CsvRow,
  index: number,
  plan: TablePlan,
  fields: FieldReader,
  swap: boolean,
): Incident | RejectedFeature {
  const properties = rowObject(plan.keys, row.cells);
  const idText = plan.idKey !== undefined ? own(properties, plan.idKey) : undefined;
  const id = typeof idText === 'string' && idText.trim() !== '' ? idText : undefined;
  const first = row.cells.find((cell) => cell.trim() !== '')?.trim() ?? '';
  const reject = (reason: SentReason): RejectedFeature => ({
    index,
    line: row.line,
    ...(id !== undefined ? { id } : {}),
    // A sum under the data is said to be one rather than blamed for its missing date.
    ...rejectedAs(
      TOTALS.test(first) ? rejectionReason('table.totals', { value: first.slice(0, 40) }) : reason,
    ),
    input: properties,
    raw: row.raw,
  });
  if (row.error !== undefined) return reject(row.error);

  const geometry = rowGeometry(row, plan, swap);
  let reason: SentReason;
  if (geometry !== null && 'error' in geometry) {
    reason = geometry;
  } else {
    const feature: JsonObject = { type: 'Feature' };
    if (id !== undefined) feature.id = id;
    feature.geometry = geometry;
    feature.properties = properties;
    const result = validateFeature(feature, index, fields);
    if (!('reason' in result)) return result;
    reason = { error: result.reason, ...(result.message ? { message: result.message } : {}) };
  }
  return reject(reason);
}
