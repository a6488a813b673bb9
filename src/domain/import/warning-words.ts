/**
 * Warnings about particular features of a load, in English: the source catalogue of the
 * `loadWarning` namespace (domain/message.ts). The importer sends each warning's `sent` message
 * beside its English `message`; the load report words it in the reader's language. The
 * warnings the report answers with a button are worded there from their facts instead.
 */
import type { LoadWarning } from '../incident';
import type { Message, MessageValues } from '../message';
import { message, wordMessage } from '../message';
import { VALUE_CATALOGUE } from '../value-words';

export const WARNING_WORDS = {
  duplicateId: 'id "{{id}}" is used by {{n}} features ({{positions}}); all are kept',
  duplicateIdMore:
    'id "{{id}}" is used by {{n}} features ({{positions}} and {{more, number}} more); all are kept',
  outsideRegion:
    '{{n}} of {{total}} incidents ({{positions}}) lie more than {{km}} km outside Afghanistan and Pakistan',
  outsideRegionMore:
    '{{n}} of {{total}} incidents ({{positions}} and {{more}} more) lie more than {{km}} km outside Afghanistan and Pakistan',
  crs:
    'the file declares a coordinate reference system (crs {{crs}}), a member GeoJSON dropped in 2016; ' +
    'coordinates were read as WGS84 longitude/latitude',
  crsOther:
    'the file declares a coordinate reference system (crs {{crs}}), a member GeoJSON dropped in 2016; ' +
    'coordinates were read as WGS84 longitude/latitude, which this one may not be: check that the ' +
    'points fall where they should',
  hxlLine: 'line {{line}} is an HXL hashtag row ({{tag}}…), not an event; it was skipped',
  hxlRow: 'row {{line}} is an HXL hashtag row ({{tag}}…), not an event; it was skipped',
  emptyLines_one: '{{count}} row with every cell empty was skipped (line {{lines}})',
  emptyLines_other: '{{count}} rows with every cell empty were skipped (lines {{lines}})',
  emptyRows_one: '{{count}} row with every cell empty was skipped (row {{lines}})',
  emptyRows_other: '{{count}} rows with every cell empty were skipped (rows {{lines}})',
  memberTooDeep:
    'the collection member "{{member}}" nests deeper than {{depth}} levels; it is kept only down to that depth',
  // A file read as a known layout without some of its columns, and what that costs.
  missingColumns:
    'read as {{layout}} by the {{n}} of its {{total}} columns the file has; missing: {{missing}}',
  missingColumnsType:
    'read as {{layout}} by the {{n}} of its {{total}} columns the file has; missing: {{missing}} ' +
    '(without {{typeField}} every event\'s type is "unspecified")',
  missingColumnsId:
    'read as {{layout}} by the {{n}} of its {{total}} columns the file has; missing: {{missing}} ' +
    "(without {{idField}} ids are made from each event's content)",
  missingColumnsTypeId:
    'read as {{layout}} by the {{n}} of its {{total}} columns the file has; missing: {{missing}} ' +
    '(without {{typeField}} every event\'s type is "unspecified"; ' +
    "without {{idField}} ids are made from each event's content)",
  shortenedNames:
    'names shortened to 10 characters (as a shapefile stores them) were read as {{pairs}}',
  duplicateColumns:
    'the header names {{n}} columns "{{name}}" (columns {{columns}}); all are kept, the later ones as {{renamed}}',
  noDataRows: 'the file has a header but no data rows',
  noPosition:
    'the file has no longitude and latitude columns: its incidents are listed but not drawn',
  halfPosition:
    'the file has a "{{column}}" column but not its pair: its incidents are listed but not drawn',
  protoData_one:
    '{{count}} ExtendedData value is named "__proto__", a name no property can take safely; it was left out',
  protoData_other:
    '{{count}} ExtendedData values are named "__proto__", a name no property can take safely; they were left out',
  swappedAsked:
    'longitude and latitude were swapped for the whole file, as asked ({{n}} located incidents)',
} as const;

/** The namespace of these words in the catalogue. */
export const WARNING_NAMESPACE = 'loadWarning';

/** Positions a warning names before it only counts the rest. */
export const NAMED_POSITIONS = 10;

/** A key of these words; a plural one without its `_one` / `_other` (chosen by `count`). */
export type WarningKey = keyof typeof WARNING_WORDS extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K
  : never;

/** A warning's English, for its `message`. */
export function wordWarning(sent: Message): string {
  return wordMessage({ [WARNING_NAMESPACE]: WARNING_WORDS, ...VALUE_CATALOGUE }, sent);
}

/** The message `key` of these words with `values`. */
export function warningMessage(key: WarningKey, values?: MessageValues): Message {
  return message(WARNING_NAMESPACE, key, values);
}

/** A warning of `code` sent as the message `key` with `values`, and its English. */
export function sentWarning(
  code: LoadWarning['code'],
  key: WarningKey,
  values?: MessageValues,
): LoadWarning {
  const sent = warningMessage(key, values);
  return { code, message: wordWarning(sent), sent };
}

/**
 * A warning about the features at `list`: `key` naming the first NAMED_POSITIONS (`#3, #7`), or
 * `key`More, which also counts the rest.
 */
export function positionsMessage(
  key: 'duplicateId' | 'outsideRegion',
  list: readonly number[],
  values: MessageValues,
): Message {
  const positions = list
    .slice(0, NAMED_POSITIONS)
    .map((i) => `#${i}`)
    .join(', ');
  const more = list.length - NAMED_POSITIONS;
  return more > 0
    ? warningMessage(`${key}More`, { ...values, positions, more })
    : warningMessage(key, { ...values, positions });
}

/** The count of skipped lines (or rows) and the first ten of them, `…` after them when more. */
export function skippedLines(lines: readonly number[]): { count: number; lines: string } {
  const shown = lines.slice(0, NAMED_POSITIONS).join(', ');
  return { count: lines.length, lines: lines.length > NAMED_POSITIONS ? `${shown}…` : shown };
}
