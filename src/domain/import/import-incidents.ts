/**
 * The import pipeline: bytes of any incident file → IncidentSet. Pure and synchronous, with no
 * DOM or framework, so it runs in a Web Worker. Nothing is dropped silently: every feature or row
 * either loads or is listed as rejected with its reason, and the rest is said in warnings.
 */
import type { Message } from '../message';
import type { FILE_ERROR_WORDS } from './file-error-words';
import { fileError } from './file-error-words';
import type { IncidentSet, RejectedFeature } from '../incident';
import type { DayOrder } from '../incident-date';
import { own, readCollectionMembers } from '../parse-incidents';
import { valueMessage } from '../value-words';
import type { TextEncodingName } from './decode-text';
import { decodeIncidentText, encodingWarning } from './decode-text';
import { importFeatures } from './import-features';
import { importTable } from './import-table';
import type { Layout } from '../layouts/layout-registry';
import type { ColumnMapping } from '../layouts/mapped-layout';
import { phase, throttleProgress } from './progress';
import { readCsv } from './read-csv';
import type { FeatureEntry, GeoJsonContent } from './read-geojson';
import { crsWarning, looksLikeJson, readGeoJson } from './read-geojson';
import { looksLikeKml, readKml } from './read-kml';
import { inspectZip, readWorkbookSheet } from './read-workbook';
import type { StreamedCollection } from './stream-feature-collection';
import { rejectedAs } from '../rejection-words';

export type { Layout } from '../layouts/layout-registry';
export type { ColumnMapping } from '../layouts/mapped-layout';
export type { DayOrder } from '../incident-date';

export type ImportFormat = 'geojson' | 'geojson-feature' | 'geojsonseq' | 'kml' | 'csv' | 'xlsx';

export interface ImportOptions {
  /** The user's choice from the mapping dialog (CSV columns or GeoJSON property names). */
  mapping?: ColumnMapping;
  /** Declared order of ambiguous numeric dates (`03/04/2025`), for the whole file. */
  dayOrder?: DayOrder;
  /** The user accepted the "coordinates look swapped" offer: swap lon/lat for the whole file. */
  swapCoordinates?: boolean;
  /** The sheet of a workbook to read; its first sheet unless told. */
  sheet?: string;
  /** The user's choice of text encoding, used unless the file has a byte-order mark. */
  encoding?: TextEncodingName;
  /** Called now and then, at most 100 times, with the fraction done (0…1). */
  onProgress?: (fraction: number) => void;
}

export type ImportOutcome =
  | {
      status: 'loaded';
      format: ImportFormat;
      layout: Layout;
      set: IncidentSet;
      /** The CSV or sheet header, in order and with any repeated names, for Export CSV. */
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
      /** The reason for the reader, when the importer sent words for it (mapping-words.ts). */
      sent?: Message;
    };

/**
 * Turns the bytes (or text) of an incident file into incidents: GeoJSON FeatureCollection, a
 * single Feature, GeoJSONSeq, KML or CSV; native, ACLED or UCDP layout, or the user's mapping.
 * (ZIP-based files, XLSX and KMZ, go through importZip.)
 * Returns `needs-mapping` when no layout is recognised and no mapping was given. Throws
 * IncidentFileError for a file that cannot be read at all (empty, binary, broken JSON…).
 */
export function importIncidents(
  input: ArrayBuffer | Uint8Array | string,
  options: ImportOptions = {},
): ImportOutcome {
  const report = throttleProgress(options.onProgress);
  const decoded = decodeIncidentText(input, options.encoding);
  const { text } = decoded;
  let outcome: ImportOutcome;
  if (looksLikeJson(text)) outcome = importGeoJson(text, options, report);
  else if (looksLikeKml(text)) outcome = importFeatures(readKml(text), options, report, null);
  else {
    refuseMarkup(text);
    outcome = importTable(
      readCsv(text, phase(report, 0, 0.6)),
      'csv',
      options,
      phase(report, 0.6, 1),
    );
  }
  const encoding = encodingWarning(decoded);
  if (encoding && outcome.status === 'loaded') outcome.set.warnings.unshift(encoding);
  report(1);
  return outcome;
}

/**
 * Markup that is not data, by its first element (after an XML declaration and comments), each
 * with its "not data" words (FILE_ERROR_WORDS.markup): often a server's error page, an image
 * served in place of the data, or GPX. KML, the XML this app reads, is recognised before this is
 * asked.
 */
const NOT_DATA_MARKUP: ReadonlyArray<{
  first: RegExp;
  markup: keyof (typeof FILE_ERROR_WORDS)['markup'];
}> = [
  { first: /^<(!doctype html|html|head|body)\b/, markup: 'html' },
  { first: /^<(!doctype svg|svg)\b/, markup: 'svg' },
  { first: /^<(!doctype\b|[a-z_][\w.:-]*[\s/>])/, markup: 'xml' },
];

/** The markup before the first element that says nothing of what the file is. */
const PROLOG = /^(?:\s+|<\?xml\b[^>]*>|<!--[\s\S]*?-->)*/;

/** Refuses markup that is not data, naming what it is: see NOT_DATA_MARKUP. */
function refuseMarkup(text: string): void {
  const head = text.slice(0, 4000);
  const start = head.slice(PROLOG.exec(head)![0].length).toLowerCase();
  const declared = /^\s*<\?xml\b/i.test(head);
  const markup =
    NOT_DATA_MARKUP.find(({ first }) => first.test(start)) ??
    (declared ? NOT_DATA_MARKUP.at(-1) : undefined);
  if (markup) throw fileError(`markup.${markup.markup}`);
}

function importGeoJson(
  text: string,
  options: ImportOptions,
  report: (fraction: number) => void,
): ImportOutcome {
  const content = readGeoJson(text);
  report(0.3);
  return importFeatures(content, options, report, text);
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
    throw fileError('notCollectionType', { value: valueMessage(type) });
  }
  const { members, warnings } = readCollectionMembers(collection.members);
  if (Object.hasOwn(collection.members, 'crs'))
    warnings.unshift(crsWarning(collection.members.crs));
  const broken: RejectedFeature[] = [];
  const entries: FeatureEntry[] = [];
  for (const feature of collection.features) {
    if (feature.error !== undefined)
      broken.push({ index: feature.index, ...rejectedAs(feature.error), input: undefined });
    else entries.push({ value: feature.value, index: feature.index });
  }
  const content: GeoJsonContent = {
    format: 'geojson',
    entries,
    rejected: broken,
    members,
    warnings,
  };
  const outcome = importFeatures(content, options, phase(report, 0.3, 1), null);
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

/**
 * Imports a ZIP-based file: an Excel workbook (its first sheet, or `options.sheet`) or a KMZ.
 * Asynchronous, as read-excel-file is. `onUnpacking` is called as the sheet starts to be read:
 * a step that reports no fraction of its own. An archive that would unpack to more than
 * `unpackLimit` bytes (DEFAULT_MAX_BYTES unless told) is refused with ReadLimitError.
 */
export async function importZip(
  bytes: Uint8Array,
  options: ImportOptions & { onUnpacking?: () => void; unpackLimit?: number } = {},
): Promise<ImportOutcome> {
  const zip = inspectZip(bytes, options.unpackLimit);
  if (zip.kind === 'kmz') return importIncidents(zip.kml, options);
  if (zip.kind === 'other') {
    throw fileError('zipNeither');
  }
  const { sheets } = zip;
  const sheet = options.sheet ?? sheets[0];
  if (sheet === undefined) throw fileError('noSheets');
  if (!sheets.includes(sheet)) {
    throw fileError('noSuchSheet', {
      sheet,
      sheets: sheets.map((s) => `"${s}"`).join(', '),
    });
  }
  const report = throttleProgress(options.onProgress);
  options.onUnpacking?.();
  const table = await readWorkbookSheet(bytes, sheet, sheets);
  const outcome = importTable(table, 'xlsx', options, report);
  if (outcome.status === 'loaded' && sheets.length > 1) {
    outcome.set.warnings.unshift({
      code: 'sheets',
      message: `the workbook has ${sheets.length} sheets; this is "${sheet}"`,
      sheets,
    });
  }
  report(1);
  return outcome;
}
