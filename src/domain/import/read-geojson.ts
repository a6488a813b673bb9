import { warningMessage, wordWarning } from './warning-words';
import { fileError } from './file-error-words';
import type { LoadWarning, RejectedFeature } from '../incident';
import { valueMessage } from '../value-words';
import type { JsonObject } from '../parse-incidents';
import { rejectedAs, rejectionReason } from '../rejection-words';
import { isObject, own, readCollectionMembers, readFeatureArray } from '../parse-incidents';

/** A value that should be a Feature, with where it stood in the file. */
export interface FeatureEntry {
  value: unknown;
  /** Position among the file's features or records (0-based). */
  index: number;
  /** 1-based line of a GeoJSONSeq record. */
  line?: number;
  /** The record's exact text (GeoJSONSeq). */
  raw?: string;
}

export interface GeoJsonContent {
  format: 'geojson' | 'geojson-feature' | 'geojsonseq';
  entries: FeatureEntry[];
  /** Records that are not JSON at all (GeoJSONSeq). */
  rejected: RejectedFeature[];
  members: JsonObject;
  warnings: LoadWarning[];
}

const RECORD_SEPARATOR = '\u001e';

/** CRS names that mean plain longitude/latitude on WGS84, as GeoJSON now requires. */
const WGS84_CRS = /(?:CRS84|EPSG::?4326)$/i;

/**
 * True when text starts (after blank space) like JSON or a JSON text sequence, or like JSON with
 * a comment in front (which is then reported as invalid JSON rather than as a bad CSV).
 */
export function looksLikeJson(text: string): boolean {
  const start = /\S\S?/.exec(text)?.[0] ?? '';
  return ['{', '[', RECORD_SEPARATOR].includes(start.charAt(0)) || start === '//' || start === '/*';
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Newline-delimited GeoJSON when the whole text is not one JSON value: among the first lines,
 * at least two Features and at least half of the lines parse on their own. A pretty-printed
 * FeatureCollection with a syntax error fails this (its lines are fragments) and is reported as
 * invalid JSON instead.
 */
function looksLikeSequence(text: string): boolean {
  let lines = 0;
  let features = 0;
  let parsed = 0;
  for (const line of text.split('\n', 400)) {
    if (line.trim() === '') continue;
    lines++;
    try {
      const value: unknown = JSON.parse(line);
      parsed++;
      if (isObject(value) && own(value, 'type') === 'Feature') features++;
    } catch {
      // a bad record; counted by what did parse
    }
    if (lines === 20) break;
  }
  return features >= 2 && parsed * 2 >= lines;
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Splits a GeoJSONSeq text into records: RS-delimited (RFC 8142), else one per line. */
function splitRecords(text: string): Array<{ raw: string; line: number }> {
  if (text.trimStart().startsWith(RECORD_SEPARATOR)) {
    const records: Array<{ raw: string; line: number }> = [];
    let line = 1;
    for (const chunk of text.split(RECORD_SEPARATOR)) {
      const leading = /^\s*/.exec(chunk)![0];
      records.push({ raw: chunk.trim(), line: line + countLineFeeds(leading) });
      line += countLineFeeds(chunk);
    }
    return records;
  }
  return text.split('\n').map((raw, i) => ({ raw: raw.replace(/\r$/, ''), line: i + 1 }));
}

/** Reads a GeoJSON text sequence; a record that is not JSON is a rejection with its line. */
function readSequence(text: string): GeoJsonContent {
  const entries: FeatureEntry[] = [];
  const rejected: RejectedFeature[] = [];
  for (const { raw, line } of splitRecords(text)) {
    const recordText = (raw.startsWith(RECORD_SEPARATOR) ? raw.slice(1) : raw).trim();
    if (recordText === '') continue;
    const index = entries.length + rejected.length;
    try {
      entries.push({ value: JSON.parse(recordText), index, line, raw });
    } catch (error) {
      rejected.push({
        index,
        line,
        ...rejectedAs(rejectionReason('json.badLine', { line, detail: errorDetail(error) })),
        input: raw,
        raw,
      });
    }
  }
  return { format: 'geojsonseq', entries, rejected, members: {}, warnings: [] };
}

/** The warning for a legacy `crs` member. */
export function crsWarning(crs: unknown): LoadWarning {
  const properties = isObject(crs) ? own(crs, 'properties') : undefined;
  const name = isObject(properties) ? own(properties, 'name') : undefined;
  const declared = typeof name === 'string' ? `"${name}"` : valueMessage(crs);
  const differs = typeof name === 'string' && !WGS84_CRS.test(name);
  const sent = warningMessage(differs ? 'crsOther' : 'crs', { crs: declared });
  return { code: 'crs', message: wordWarning(sent), sent };
}

/**
 * Reads GeoJSON text: a FeatureCollection, a single Feature, or a GeoJSON text sequence
 * (one Feature per line, optionally RS-prefixed). Feature validation happens later.
 */
export function readGeoJson(text: string): GeoJsonContent {
  if (text.trimStart().startsWith(RECORD_SEPARATOR)) return readSequence(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (looksLikeSequence(text)) return readSequence(text);
    throw fileError('notJson', { detail: errorDetail(error) });
  }
  if (isObject(json) && own(json, 'type') === 'Feature') {
    return {
      format: 'geojson-feature',
      entries: [{ value: json, index: 0 }],
      rejected: [],
      members: {},
      warnings: [],
    };
  }
  const features = readFeatureArray(json);
  const collection = json as JsonObject;
  const { members, warnings } = readCollectionMembers(collection);
  if (Object.hasOwn(collection, 'crs')) warnings.unshift(crsWarning(collection.crs));
  return {
    format: 'geojson',
    entries: features.map((value, index) => ({ value, index })),
    rejected: [],
    members,
    warnings,
  };
}
