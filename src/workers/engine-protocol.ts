/**
 * What crosses between the page and the incident engine (in a Web Worker, or inline in tests).
 * Only summaries, counts, typed arrays and single features cross: the page never holds the
 * loaded Feature objects.
 */
import type { NameListKey } from '../domain/filters/filter-dimension';
import type { UrlFilter } from '../domain/url-state';
import { EMPTY_URL_FILTER } from '../domain/url-state';
import type { IncidentFeature, LoadWarning } from '../domain/incident';
import type { Message } from '../domain/message';
import type { TextEncodingName } from '../domain/import/decode-text';
import type { ReadLimits } from '../domain/import/read-limits';
import type { IncidentView } from '../domain/layouts/incident-view';

import type {
  ColumnMapping,
  DayOrder,
  ImportFormat,
  Layout,
} from '../domain/import/import-incidents';

export type { ColumnMapping, DayOrder };
export type DatasetFormat = ImportFormat;
export type DatasetLayout = Layout;

export interface LoadOptions {
  mapping?: ColumnMapping;
  dayOrder?: DayOrder;
  swapCoordinates?: boolean;
  /** The sheet of a workbook to read (its first unless told). */
  sheet?: string;
  /** The text encoding the user chose from the load report (a byte-order mark still decides). */
  encoding?: TextEncodingName;
}

/**
 * What a load is doing: reading the bytes, unpacking a workbook (a step with no fraction of its
 * own) or checking the incidents.
 */
export type LoadPhase = 'reading' | 'unpacking' | 'parsing';

export type LoadSource =
  | { kind: 'url'; url: string; name: string }
  /** A dataset package, by the URL of its manifest.json: read by range requests, not loaded. */
  | { kind: 'package'; url: string; name: string }
  | { kind: 'file'; file: Blob; name: string }
  | { kind: 'text'; text: string; name: string };

export type LoadMode = 'replace' | 'add';

export interface LoadRequest {
  /** Chosen by the page, so a replayed load rebuilds the same ids. */
  datasetId: string;
  source: LoadSource;
  mode: LoadMode;
  /** Reload this dataset in its place (e.g. with swapped coordinates) instead of adding one. */
  replaceId?: string;
  options: LoadOptions;
  /** Limits other than the defaults (read-limits.ts): raised by the user, or lowered in tests. */
  limits?: Partial<ReadLimits>;
}

/** A rejected feature as the load report shows it (the feature itself stays in the engine). */
export interface RejectionSummary {
  index: number;
  line?: number;
  id?: string;
  /** Why, in English; `message` words it for the reader when the importer sent one. */
  reason: string;
  message?: Message;
}

export interface DatasetSummary {
  id: string;
  name: string;
  format: DatasetFormat;
  layout: DatasetLayout;
  loaded: number;
  rejectedCount: number;
  /** Every rejection's problem in a few words, counted, the most frequent first. */
  problems: Array<{ problem: string; count: number }>;
  /** The first rejections, enough for the report; "Download rejected" returns all. */
  rejected: RejectionSummary[];
  /** The warnings the report shows: the first ones, and every one it offers a choice for. */
  warnings: LoadWarning[];
  /** How many warnings the load gave in all. */
  warningCount: number;
  /** CSV header of a CSV dataset, for Export CSV. */
  columns: string[] | null;
  options: LoadOptions;
}

/** Everything the page needs to draw its filters after a load. */
export interface EngineSummary {
  datasets: DatasetSummary[];
  total: number;
  typeCodes: string[];
  dayExtent: { from: string; to: string } | null;
  /** Set while a dataset package is open: the engine answers from it, not from loaded rows. */
  package?: PackageSummary;
}

/** An open dataset package, as the page names it and shapes its filters. */
export interface PackageSummary {
  name: string;
  /** The absolute URL of its manifest.json. */
  url: string;
  /** Lower edges of its distance bands, km: the distance filters it answers. */
  kmBands: number[];
  /** The attributes every aggregated point of its tiles holds: the filters it answers. */
  tileAttributes: string[];
}

export type LoadReply =
  | { status: 'loaded'; summary: EngineSummary; dataset: DatasetSummary }
  | {
      status: 'needs-mapping';
      format: DatasetFormat;
      columns: string[];
      sample: Array<Record<string, unknown>>;
      reason: string;
      sent?: Message;
    }
  | {
      /**
       * The file was read but no incident in it could load: what was shown before stays, and
       * the report says why, with the columns and first rows to choose columns again.
       */
      status: 'empty';
      dataset: DatasetSummary;
      columns: string[];
      sample: Array<Record<string, unknown>>;
    }
  | {
      status: 'failed';
      /** Why, in English (a link's fallback notice, tests). */
      message: string;
      /** Why, for the reader, when the importer sent words for it. */
      failure?: LoadFailure;
      /** When a size limit stopped the load: the limit a new attempt may take, in bytes. */
      higherLimit?: number;
    };

/** A failed load as the reader reads it: the file's name, then why; without a name, `reason` says all. */
export interface LoadFailure {
  name?: string;
  reason: Message;
}

/** The permalink's filters plus the dataset selection, which a link cannot carry. */
export interface EngineFilter extends UrlFilter {
  /** Dataset ids to include; null means all. */
  datasets: readonly string[] | null;
}

/** Where the worker finds the border geography (absolute URLs). */
export interface GeographyUrls {
  durandLine: string;
  crossings: string;
  provinces: string;
  countries: string;
}

/** What the border geography offers the filters. */
export interface GeographyReply {
  lengthKm: number;
  /** Stretches of the line named after the Afghan province beside them, from the Iran tripoint. */
  segments: Array<{ name: string; fromKm: number; toKm: number }>;
  crossings: Array<{ id: string; name: string }>;
  provinces: Array<{ id: string; name: string; country: string }>;
}

/** What an incident's place is relative to the border, computed at load. */
export interface BorderFields {
  side: 'AF' | 'PK' | null;
  distanceKm: number;
  chainageKm: number;
  nearestCrossing: string | null;
  nearestCrossingKm: number | null;
  province: string | null;
  provinceName: string | null;
}

/** The strip chart's marks: located incidents under every filter but the chainage brush. */
export interface StripReply {
  rows: Uint32Array;
  chainageKm: Float32Array;
  day: Int32Array;
  type: Uint16Array;
  typeCodes: string[];
  lengthKm: number;
}

/** No filter at all: every incident matches. */
export const EMPTY_ENGINE_FILTER: EngineFilter = { ...EMPTY_URL_FILTER, datasets: null };

/** What the facet filters choose from: each name facet by its filter key, and the precisions. */
export type FacetSummary = Record<
  NameListKey | 'precisions',
  Array<{ name: string; count: number }>
>;

export interface ListRow {
  row: number;
  day: string;
  type: string;
  place: string;
  /** "7–17", "3", or "" when unknown. */
  fatalities: string;
  summary: string;
  dataset: string;
}

export type ListSort = { key: 'date' | 'fatalities'; direction: 'asc' | 'desc' };

export interface ListReply {
  total: number;
  offset: number;
  rows: ListRow[];
}

/** One vector tile of the map (MVT bytes, empty when it holds nothing) and its content tag. */
export interface TileReply {
  data: ArrayBuffer;
  etag: string;
}

export interface QueryReply {
  count: number;
  total: number;
  /** Matching incidents without coordinates (counted and exported, not drawn). */
  unlocated: number;
  /** Per type present in the data: incidents in the date range and datasets, whatever types are ticked. */
  typeCounts: Array<{ code: string; count: number }>;
  datasetCounts: Array<{ id: string; count: number }>;
  /**
   * Incidents per day over the whole extent, stacked by type (`byType[t * days + d]`), under
   * every filter but the dates: the timeline, whose brush sets the dates.
   */
  timeline: { startDay: number; days: number; byType: Int32Array; typeCodes: string[] };
  /** Matching incidents per province (ids of the province file), for the choropleth. */
  provinceCounts: Array<{ id: string; name: string; count: number }>;
}

export interface FeatureReply {
  /** Null until the border geography has loaded, or for an unlocated incident. */
  border: BorderFields | null;
  row: number;
  feature: IncidentFeature;
  day: string;
  /** Set when the date names only a month or a year; `day` is then its first day. */
  datePrecision?: 'month' | 'year';
  type: string;
  key: string;
  lon: number | null;
  lat: number | null;
  datasetId: string;
  datasetName: string;
  /** What the incident says, read by its dataset's layout: place, fatalities, sources… */
  view: IncidentView;
}

/** A file for the page to save: made in the engine, handed over without a copy. */
export interface FileReply {
  blob: Blob;
  fileName: string;
  mimeType: string;
  /**
   * A CSV export's cells, header included, that start like a spreadsheet formula (`=`, `+`,
   * `@`, a tab, a carriage return, or `-` before anything but a plain number): written as they
   * are, or with a `'` in front when the export was spreadsheet-safe.
   */
  formulaCells?: number;
}

export type ExportFormat = 'geojson' | 'csv';

/** What an export adds to each feature's properties (nothing: exactly as loaded). */
export interface ExportExtras {
  /** The border measures (COMPUTED_FIELDS). */
  computedFields?: boolean;
  /** The analyst's note and tags (NOTE_FIELDS), "Include my notes". */
  analystNotes?: boolean;
  /** CSV: prefix `'` to cells a spreadsheet may take for a formula ("Spreadsheet-safe CSV"). */
  spreadsheetSafe?: boolean;
}
