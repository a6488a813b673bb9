/**
 * Why the columns chosen for a table cannot be used, in English: the source catalogue of the
 * `mappingReason` namespace (domain/message.ts). The importer sends the message beside its
 * English reason; the column dialog words it in the reader's language. Column names are data.
 */
import type { Message, MessageValues } from '../message';
import { message, wordMessage } from '../message';

export const MAPPING_WORDS = {
  noLayout:
    'The file has neither "date" and "type" fields nor the columns of a layout this app knows ' +
    '(ACLED, UCDP GED). Choose which column holds the date and which the type.',
  columnMissing: {
    date: 'The column "{{column}}" chosen for the date is not in the file.',
    type: 'The column "{{column}}" chosen for the type is not in the file.',
    longitude: 'The column "{{column}}" chosen for the longitude is not in the file.',
    latitude: 'The column "{{column}}" chosen for the latitude is not in the file.',
  },
  halfPosition: 'Choose both a longitude and a latitude column, or neither.',
} as const;

/** The namespace of these words in the catalogue. */
export const MAPPING_NAMESPACE = 'mappingReason';

/** A reason to choose the columns again: its English and its message. */
export function mappingReason(
  key: 'noLayout' | 'halfPosition' | `columnMissing.${keyof typeof MAPPING_WORDS.columnMissing}`,
  values?: MessageValues,
): { reason: string; sent: Message } {
  const sent = message(MAPPING_NAMESPACE, key, values);
  return { reason: wordMessage({ [MAPPING_NAMESPACE]: MAPPING_WORDS }, sent), sent };
}
