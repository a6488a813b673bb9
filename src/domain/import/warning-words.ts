/**
 * Warnings about particular features of a load, in English: the source catalogue of the
 * `loadWarning` namespace (domain/message.ts). The importer sends each warning's `sent` message
 * beside its English `message`; the load report words it in the reader's language. The
 * warnings the report answers with a button are worded there from their facts instead.
 */
import type { Message, MessageValues } from '../message';
import { message, wordMessage } from '../message';

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
} as const;

/** The namespace of these words in the catalogue. */
export const WARNING_NAMESPACE = 'loadWarning';

/** Positions a warning names before it only counts the rest. */
export const NAMED_POSITIONS = 10;

/** A warning's English, for its `message`. */
export function wordWarning(sent: Message): string {
  return wordMessage({ [WARNING_NAMESPACE]: WARNING_WORDS }, sent);
}

/** The message `key` of these words with `values`. */
export function warningMessage(key: keyof typeof WARNING_WORDS, values: MessageValues): Message {
  return message(WARNING_NAMESPACE, key, values);
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
