/**
 * The import pipeline: bytes of any incident file → IncidentSet. Pure and synchronous, with no
 * DOM or framework, so it runs in a Web Worker. Nothing is dropped silently: every feature or row
 * either loads or is listed as rejected with its reason, and the rest is said in warnings.
 */
import type {
  Incident,
  IncidentFeature,
  IncidentSet,
  LoadWarning,
  RejectedFeature,
} from '../incident';
import type { DayOrder } from '../incident-date';
import type { FieldReader, JsonObject } from '../parse-incidents';
import {
  findDuplicateIds,
  IncidentFileError,
  isObject,
  own,
  readCollectionMembers,
  setOwn,
  truncateDeepValue,
  validateFeature,
} from '../parse-incidents';
import { describeValue } from '../incident-date';
import { describeDuplicateColumns, uniqueColumnKeys } from './column-keys';
import { decodeIncidentText } from './decode-text';
import type { ColumnMapping, Layout } from './layouts';
import {
  detectLayout,
  fieldReaderFor,
  findColumn,
  idFieldFor,
  LATITUDE_NAMES,
  LONGITUDE_NAMES,
} from './layouts';
import { phase, throttleProgress } from './progress';
import type { CsvRow } from './read-csv';
import { readCsv } from './read-csv';
import { findFeatureSpans } from './feature-spans';
import type { FeatureEntry, GeoJsonContent } from './read-geojson';
import { crsWarning, looksLikeJson, readGeoJson } from './read-geojson';
import type { StreamedCollection } from './stream-feature-collection';
import { checkRegion } from './region-checks';

export type { ColumnMapping, Layout } from './layouts';
export type { DayOrder } from '../incident-date';

export type ImportFormat = 'geojson' | 'geojson-feature' | 'geojsonseq' | 'csv';

export interface ImportOptions {
  /** The user's choice from the mapping dialog (CSV columns or GeoJSON property names). */
  mapping?: ColumnMapping;
  /** Declared order of ambiguous numeric dates (`03/04/2025`), for the whole file. */
  dayOrder?: DayOrder;
  /** The user accepted the "coordinates look swapped" offer: swap lon/lat for the whole file. */
  swapCoordinates?: boolean;
  /** Called now and then, at most 100 times, with the fraction done (0…1). */
  onProgress?: (fraction: number) => void;
}

export type ImportOutcome =
  | {
      status: 'loaded';
      format: ImportFormat;
      layout: Layout;
      set: IncidentSet;
      /** The CSV header, in order and with any repeated names, for Export CSV. */
      columns?: string[];
    }
  | {
      status: 'needs-mapping';
      format: ImportFormat;
      /** CSV: each column's property key (repeated names made unique); GeoJSON: property names. */
      columns: string[];
      /** The first rows (column → text) or features' properties, to show in the dialog. */
      sample: Array<Record<string, unknown>>;
      reason: string;
    };

/** How many features' property names are read to recognise a GeoJSON layout. */
const LAYOUT_SAMPLE_FEATURES = 100;
const SAMPLE_ROWS = 5;

const NEEDS_MAPPING_REASON =
  'The file has neither "date" and "type" fields nor the columns of a layout this app knows ' +
  '(ACLED, UCDP GED). Choose which column holds the date and which the type.';

/**
 * Turns the bytes (or text) of an incident file into incidents: GeoJSON FeatureCollection, a
 * single Feature, GeoJSONSeq, or CSV; native, ACLED or UCDP layout, or the user's mapping.
 * Returns `needs-mapping` when no layout is recognised and no mapping was given. Throws
 * IncidentFileError for a file that cannot be read at all (empty, binary, broken JSON…).
 */
export function importIncidents(
  input: ArrayBuffer | Uint8Array | string,
  options: ImportOptions = {},
): ImportOutcome {
  const report = throttleProgress(options.onProgress);
  const text = decodeIncidentText(input);
  refuseMarkup(text);
  const outcome = looksLikeJson(text)
    ? importGeoJson(text, options, report)
    : importCsv(text, options, report);
  report(1);
  return outcome;
}

/** HTML and XML files are named as such: often a server's error page, or KML/GPX. */
function refuseMarkup(text: string): void {
  const start = text.trimStart().slice(0, 100).toLowerCase();
  if (/^<(!doctype html|html|head|body)\b/.test(start)) {
    throw new IncidentFileError(
      'The file is an HTML page, not GeoJSON or CSV (a server error page, or a web page saved instead of the data?).',
    );
  }
  if (/^<(\?xml|kml|gpx)\b/.test(start)) {
    throw new IncidentFileError(
      'The file is XML (KML or GPX?), not GeoJSON or CSV. Convert it to GeoJSON and open that.',
    );
  }
}

// ---- GeoJSON -------------------------------------------------------------------------------

function importGeoJson(
  text: string,
  options: ImportOptions,
  report: (fraction: number) => void,
): ImportOutcome {
  const content = readGeoJson(text);
  report(0.3);
  return importGeoJsonContent(content, options, report, text);
}

/**
 * Loads a FeatureCollection read from a stream (see stream-feature-collection.ts): the same
 * checks as for a file read whole. Features whose text was not JSON are rejected with the
 * reason; rejected features carry their byte spans in the file for the caller to cut them out.
 */
export function importStreamedCollection(
  collection: StreamedCollection,
  options: ImportOptions = {},
): { outcome: ImportOutcome; spans: Map<number, [number, number]> } {
  const report = throttleProgress(options.onProgress);
  const type = own(collection.members, 'type');
  if (type !== 'FeatureCollection') {
    throw new IncidentFileError(
      `The file is not a GeoJSON FeatureCollection (got type ${describeValue(type)}).`,
    );
  }
  const { members, warnings } = readCollectionMembers(collection.members);
  if (Object.hasOwn(collection.members, 'crs'))
    warnings.unshift(crsWarning(collection.members.crs));
  const broken: RejectedFeature[] = [];
  const entries: FeatureEntry[] = [];
  for (const feature of collection.features) {
    if (feature.error !== undefined)
      broken.push({ index: feature.index, reason: feature.error, input: undefined });
    else entries.push({ value: feature.value, index: feature.index });
  }
  const content: GeoJsonContent = {
    format: 'geojson',
    entries,
    rejected: broken,
    members,
    warnings,
  };
  const outcome = importGeoJsonContent(content, options, phase(report, 0.3, 1), null);
  const spans = new Map<number, [number, number]>();
  if (outcome.status === 'loaded') {
    for (const rejection of outcome.set.rejected) {
      const feature = collection.features[rejection.index];
      if (feature) spans.set(rejection.index, [feature.start, feature.end]);
    }
  }
  report(1);
  return { outcome, spans };
}

function importGeoJsonContent(
  content: GeoJsonContent,
  options: ImportOptions,
  report: (fraction: number) => void,
  text: string | null,
): ImportOutcome {
  const { format, entries } = content;

  let layout: Layout = 'custom';
  if (!options.mapping) {
    const names = propertyNames(entries.slice(0, LAYOUT_SAMPLE_FEATURES));
    const detected = detectLayout(names);
    if (!detected && names.length > 0) {
      return {
        status: 'needs-mapping',
        format,
        columns: names,
        sample: entries
          .slice(0, SAMPLE_ROWS)
          .map(({ value }) => (isObject(value) ? own(value, 'properties') : undefined))
          .filter(isObject)
          .map((properties) => truncateDeepValue(properties) as JsonObject),
        reason: NEEDS_MAPPING_REASON,
      };
    }
    // With no property names at all there is nothing to map: the rejections will say why.
    layout = detected?.layout ?? 'native';
  }

  const { fields, ambiguous } = countAmbiguousDates(
    fieldReaderFor(layout, { mapping: options.mapping, dayOrder: options.dayOrder }),
  );
  const progress = phase(report, 0.3, 1);
  const incidents: Incident[] = [];
  const rejected: RejectedFeature[] = [...content.rejected];
  entries.forEach((entry, n) => {
    const value = options.swapCoordinates ? swapFeature(entry.value) : entry.value;
    const result = validateFeature(value, entry.index, fields);
    if ('reason' in result) {
      rejected.push(withSource(result, entry, value));
    } else {
      incidents.push(result);
    }
    if (n % 256 === 0) progress(n / entries.length);
  });
  rejected.sort((a, b) => a.index - b.index);
  if (format === 'geojson' && text !== null && rejected.length > 0)
    attachSourceText(text, rejected);

  const warnings = [
    ...content.warnings,
    ...findDuplicateIds(incidents),
    ...checkRegion(incidents),
    ...ambiguous(),
    ...(options.swapCoordinates ? [swapNotice(incidents)] : []),
  ];
  return {
    status: 'loaded',
    format,
    layout,
    set: { incidents, rejected, warnings, collectionMembers: content.members },
  };
}

/** Gives each rejected member of a FeatureCollection its exact text from the file. */
function attachSourceText(text: string, rejected: RejectedFeature[]): void {
  const spans = findFeatureSpans(text);
  if (!spans) return;
  for (const rejection of rejected) {
    const span = spans[rejection.index];
    if (rejection.raw === undefined && span) rejection.raw = text.slice(span[0], span[1]);
  }
}

/** Property names of the features, first seen first. */
function propertyNames(entries: readonly FeatureEntry[]): string[] {
  const names = new Set<string>();
  for (const { value } of entries) {
    const properties = isObject(value) ? own(value, 'properties') : undefined;
    if (isObject(properties)) for (const key of Object.keys(properties)) names.add(key);
  }
  return [...names];
}

/** A rejection handed back with the original value (not the swapped copy) and its source line. */
function withSource(result: RejectedFeature, entry: FeatureEntry, value: unknown): RejectedFeature {
  const input = result.input === value ? entry.value : result.input;
  return {
    ...result,
    input,
    ...(entry.line !== undefined ? { line: entry.line } : {}),
    ...(entry.raw !== undefined ? { raw: entry.raw } : {}),
  };
}

/** A copy of a Point Feature with longitude and latitude traded; anything else unchanged. */
function swapFeature(value: unknown): unknown {
  if (!isObject(value)) return value;
  const geometry = own(value, 'geometry');
  if (!isObject(geometry) || own(geometry, 'type') !== 'Point') return value;
  const coordinates = own(geometry, 'coordinates');
  if (!Array.isArray(coordinates) || coordinates.length < 2) return value;
  const [first, second, ...rest] = coordinates as unknown[];
  return { ...value, geometry: { ...geometry, coordinates: [second, first, ...rest] } };
}

function swapNotice(incidents: readonly Incident[]): LoadWarning {
  const located = incidents.filter((incident) => incident.lon !== null).length;
  return {
    code: 'other',
    message: `longitude and latitude were swapped for the whole file, as asked (${located} located incidents)`,
  };
}

/**
 * Wraps a reader to note the incidents whose numeric date could not be read for want of a
 * declared day order, so one warning can tell the user that declaring it would load them.
 */
function countAmbiguousDates(reader: FieldReader) {
  const examples: string[] = [];
  let count = 0;
  const fields: FieldReader = {
    ...reader,
    date(properties) {
      const result = reader.date(properties);
      if (!result.ok && result.ambiguousOrder) {
        count++;
        if (examples.length < 3) examples.push(/"(.*)"/.exec(result.error)?.[1] ?? '');
      }
      return result;
    },
  };
  const ambiguous = (): LoadWarning[] =>
    count === 0
      ? []
      : [
          {
            code: 'ambiguous-date',
            message:
              `${count === 1 ? '1 date is' : `${count} dates are`} written with numbers in an ambiguous day/month order ` +
              `(${examples.map((e) => `"${e}"`).join(', ')}); declare day/month/year or ` +
              'month/day/year for the whole file to load them',
          },
        ];
  return { fields, ambiguous };
}

// ---- CSV -----------------------------------------------------------------------------------

interface CsvPlan {
  layout: Layout;
  keys: string[];
  idKey: string | undefined;
  lonColumn: number;
  latColumn: number;
  warnings: LoadWarning[];
}

function importCsv(
  text: string,
  options: ImportOptions,
  report: (fraction: number) => void,
): ImportOutcome {
  const table = readCsv(text, phase(report, 0, 0.6));
  const keys = uniqueColumnKeys(table.header);
  const plan = planCsv(keys, table.rows, options);
  if ('reason' in plan) return plan;

  const fields = countAmbiguousDates(
    fieldReaderFor(plan.layout, { mapping: options.mapping, dayOrder: options.dayOrder }),
  );
  const progress = phase(report, 0.6, 1);
  const incidents: Incident[] = [];
  const rejected: RejectedFeature[] = [];
  table.rows.forEach((row, index) => {
    const result = rowToIncident(row, index, plan, fields.fields, options.swapCoordinates === true);
    if ('reason' in result) rejected.push(result);
    else incidents.push(result);
    if (index % 256 === 0) progress(index / table.rows.length);
  });

  const warnings = [
    ...table.warnings,
    ...describeDuplicateColumns(table.header, keys),
    ...plan.warnings,
    ...(table.rows.length === 0
      ? [{ code: 'other' as const, message: 'the file has a header but no data rows' }]
      : []),
    ...findDuplicateIds(incidents),
    ...checkRegion(incidents),
    ...fields.ambiguous(),
    ...(options.swapCoordinates ? [swapNotice(incidents)] : []),
  ];
  return {
    status: 'loaded',
    format: 'csv',
    layout: plan.layout,
    set: { incidents, rejected, warnings, collectionMembers: {} },
    columns: table.header,
  };
}

/** Decides the layout and the id and coordinate columns, or says that a mapping is needed. */
function planCsv(
  keys: string[],
  rows: readonly CsvRow[],
  options: ImportOptions,
): CsvPlan | Extract<ImportOutcome, { status: 'needs-mapping' }> {
  const needsMapping = (reason: string) => ({
    status: 'needs-mapping' as const,
    format: 'csv' as const,
    columns: keys,
    sample: rows.slice(0, SAMPLE_ROWS).map((row) => rowObject(keys, row.cells)),
    reason,
  });

  let layout: Layout;
  let lonKey: string | undefined;
  let latKey: string | undefined;
  const { mapping } = options;
  if (mapping) {
    for (const [role, column] of [
      ['date', mapping.date],
      ['type', mapping.type],
      ['longitude', mapping.longitude],
      ['latitude', mapping.latitude],
    ] as const) {
      if (column !== undefined && !keys.includes(column)) {
        return needsMapping(`The column "${column}" chosen for the ${role} is not in the file.`);
      }
    }
    if ((mapping.longitude === undefined) !== (mapping.latitude === undefined)) {
      return needsMapping('Choose both a longitude and a latitude column, or neither.');
    }
    layout = 'custom';
    lonKey = mapping.longitude ?? findColumn(keys, LONGITUDE_NAMES);
    latKey = mapping.latitude ?? findColumn(keys, LATITUDE_NAMES);
  } else {
    const detected = detectLayout(keys);
    if (!detected) return needsMapping(NEEDS_MAPPING_REASON);
    layout = detected.layout;
    lonKey = findColumn(keys, layout === 'native' ? LONGITUDE_NAMES : ['longitude']);
    latKey = findColumn(keys, layout === 'native' ? LATITUDE_NAMES : ['latitude']);
  }

  const warnings: LoadWarning[] = [];
  if (lonKey === undefined || latKey === undefined) {
    const found = lonKey ?? latKey;
    warnings.push({
      code: 'other',
      message:
        found === undefined
          ? 'the file has no longitude and latitude columns: its incidents are listed but not drawn'
          : `the file has a "${found}" column but not its pair: its incidents are listed but not drawn`,
    });
    lonKey = latKey = undefined;
  }
  const idKey = keys.includes(idFieldFor(layout)) ? idFieldFor(layout) : undefined;
  return {
    layout,
    keys,
    idKey,
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
function readCoordinate(text: string, column: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!DECIMAL.test(trimmed)) {
    return `${column} "${trimmed.slice(0, 40)}" is not a decimal number${/^[+-]?\d+,\d+$/.test(trimmed) ? ' (write a point, not a comma, before the decimals)' : ''}`;
  }
  const value = Number(trimmed);
  return Number.isFinite(value)
    ? value
    : `${column} "${trimmed.slice(0, 40)}" is not a finite number`;
}

/** A GeoJSON Point from the coordinate cells; null for blank cells; else the reason. */
function rowGeometry(
  row: CsvRow,
  plan: CsvPlan,
  swap: boolean,
): IncidentFeature['geometry'] | string {
  if (plan.lonColumn < 0) return null;
  const lonName = plan.keys[plan.lonColumn]!;
  const latName = plan.keys[plan.latColumn]!;
  const lon = readCoordinate(row.cells[plan.lonColumn]!, lonName);
  const lat = readCoordinate(row.cells[plan.latColumn]!, latName);
  if (typeof lon === 'string') return lon;
  if (typeof lat === 'string') return lat;
  if (lon === null && lat === null) return null;
  if (lon === null)
    return `${lonName} is blank but ${latName} is "${row.cells[plan.latColumn]!.trim()}"`;
  if (lat === null)
    return `${latName} is blank but ${lonName} is "${row.cells[plan.lonColumn]!.trim()}"`;
  return { type: 'Point', coordinates: swap ? [lat, lon] : [lon, lat] };
}

/**
 * One CSV row as an incident: a Feature whose properties are every column's text exactly as
 * read, whose geometry comes from the coordinate columns and whose `id` is the layout's id column.
 * A rejection hands back the row (column → text), its line and its exact text.
 */
function rowToIncident(
  row: CsvRow,
  index: number,
  plan: CsvPlan,
  fields: FieldReader,
  swap: boolean,
): Incident | RejectedFeature {
  const properties = rowObject(plan.keys, row.cells);
  const idText = plan.idKey !== undefined ? own(properties, plan.idKey) : undefined;
  const id = typeof idText === 'string' && idText.trim() !== '' ? idText : undefined;
  const reject = (reason: string): RejectedFeature => ({
    index,
    line: row.line,
    ...(id !== undefined ? { id } : {}),
    reason,
    input: properties,
    raw: row.raw,
  });
  if (row.error !== undefined) return reject(row.error);

  const geometry = rowGeometry(row, plan, swap);
  if (typeof geometry === 'string') return reject(geometry);
  const feature: JsonObject = { type: 'Feature' };
  if (id !== undefined) feature.id = id;
  feature.geometry = geometry;
  feature.properties = properties;
  const result = validateFeature(feature, index, fields);
  return 'reason' in result ? reject(result.reason) : result;
}
