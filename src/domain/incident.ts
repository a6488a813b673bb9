/**
 * The incident model. A loaded incident keeps the Feature exactly as it arrived (`feature`), so an
 * export can hand it back unchanged; the other fields are derived once, at load, for filtering.
 */

import type { TextEncodingName } from './import/decode-text';
import type { Message } from './message';

/** A GeoJSON Point position: `[lon, lat]` or `[lon, lat, alt]`, WGS84. */
export type Position = [number, number] | [number, number, number];

/** A Feature as loaded: only `type`, `geometry` and `properties` are known; foreign members stay. */
export interface IncidentFeature {
  type: 'Feature';
  id?: string | number;
  geometry: { type: 'Point'; coordinates: Position } | null;
  properties: Record<string, unknown>;
  [foreignMember: string]: unknown;
}

export interface Incident {
  /** Position in the loaded file (0-based); the export keeps this order. */
  index: number;
  /** Feature `id`, else `properties.id`, else a stable id derived from the content. */
  key: string;
  /** The calendar date as written, `YYYY-MM-DD`. */
  day: string;
  /** Days since 1970-01-01 of `day`, for cheap range comparisons. */
  dayNumber: number;
  /**
   * Set when the date names only a month (`2004-06`) or a year (`2004`): `day` is then the
   * period's first day, where the timeline counts it. Absent for a whole day.
   */
  datePrecision?: 'month' | 'year';
  type: string;
  /** `null` for an unlocated incident: counted, listed and exported, but not drawn. */
  lon: number | null;
  lat: number | null;
  feature: IncidentFeature;
}

/** A feature that could not be loaded, kept exactly as it came in. */
export interface RejectedFeature {
  /** Position among the file's features or data rows (0-based). */
  index: number;
  /** 1-based line of a CSV row or a GeoJSONSeq record, when the input has lines. */
  line?: number;
  id?: string;
  /** Why, in English: the rejected-rows file, the package manifest and the command line. */
  reason: string;
  /** Why, for the reader (rejection-words.ts), when the reader that rejected it sends one. */
  message?: Message;
  /** The problem in a few words (`date not understood`), to group rejections by. */
  problem?: string;
  /** The parsed value (a Feature-like object, or a CSV row as column → text). */
  input: unknown;
  /** The exact source text of this feature or row, when it could be cut from the file. */
  raw?: string;
}

/** Something worth knowing about a load that rejected nothing. */
export interface LoadWarning {
  code:
    | 'duplicate-id'
    | 'crs'
    | 'swapped-coordinates'
    | 'outside-region'
    | 'skipped-row'
    | 'ambiguous-date'
    | 'missing-columns'
    | 'sheets'
    | 'encoding'
    | 'other';
  /** The warning in English (tests, the command line). */
  message: string;
  /** The same for the reader, when the importer sent words for it (import/warning-words.ts). */
  sent?: Message;
  /** Incident or row indices concerned, when the warning is about particular ones. */
  indices?: number[];
  /** A workbook's sheet names, for the report to offer the others (`sheets`). */
  sheets?: string[];
  /** The encoding the file was read in, for the report to offer the others (`encoding`). */
  encoding?: TextEncodingName;
  /**
   * What the message says, as values, so that a page in another language can word it: the
   * warnings the report answers with a button (swapped coordinates, ambiguous dates, encoding).
   */
  facts?: WarningFacts;
}

/** The values of a warning's message (see LoadWarning.facts). */
export interface WarningFacts {
  /** How many incidents or dates the warning is about. */
  count?: number;
  /** Of how many incidents. */
  total?: number;
  /** The first indices concerned (ten at most; `count` says how many in all). */
  first?: number[];
  /** A few of the values concerned, as written in the file. */
  examples?: string[];
  /** The encoding was the one asked for (else guessed). */
  asked?: boolean;
}

export interface IncidentSet {
  incidents: Incident[];
  rejected: RejectedFeature[];
  warnings: LoadWarning[];
  /** Foreign members of the FeatureCollection itself (e.g. `metadata`), kept for reference. */
  collectionMembers: Record<string, unknown>;
}
