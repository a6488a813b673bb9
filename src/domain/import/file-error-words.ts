/**
 * Why a whole file cannot be loaded, in English: the source catalogue of the `fileError`
 * namespace (domain/message.ts). A reader throws `fileError(key, values)`: an IncidentFileError
 * whose text is this English (the command line, tests) and whose `sent` message the page words in
 * the reader's language after the file's name. Values are data (what the parser said, a name).
 */
import { wordMessage, message } from '../message';
import type { Message, MessageValues } from '../message';
import type { WordsPath } from '../rejection-words';
import { VALUE_CATALOGUE } from '../value-words';

export const FILE_ERROR_WORDS = {
  empty: 'The file is empty.',
  binary:
    'The file is binary, not text: it is not GeoJSON or CSV. Open a .geojson, .json or .csv file.',
  notJson: 'The file is not valid JSON ({{detail}}).',
  notCollection: 'The file is not a GeoJSON FeatureCollection (got {{value}}).',
  notCollectionType: 'The file is not a GeoJSON FeatureCollection (got type {{value}}).',
  noFeatures: 'The FeatureCollection has no "features" array.',
  moreText: 'The file has more text after the FeatureCollection.',
  kmlNotXml: 'The KML file is not well-formed XML ({{detail}}).',
  kmlEmpty: 'The KML file holds no Placemark: there is nothing to load.',
  noSheets: 'The workbook has no sheet.',
  sheetEmpty: 'The sheet "{{sheet}}" is empty.',
} as const;

/** A file that cannot be read as incidents at all (not JSON, not a FeatureCollection). */
export class IncidentFileError extends Error {
  override name = 'IncidentFileError';
  readonly #sent: Message | undefined;
  constructor(text: string, sent?: Message) {
    super(text);
    this.#sent = sent;
  }
  /**
   * The error for the reader, when the reader that threw it sent one. Kept private behind a
   * getter, so errors still compare by their English text as they always have.
   */
  get sent(): Message | undefined {
    return this.#sent;
  }
}

/** The namespace of these words in the catalogue. */
export const FILE_ERROR_NAMESPACE = 'fileError';

/** The error a reader throws for a file it cannot read, worded by `key` with `values`. */
export function fileError(
  key: WordsPath<typeof FILE_ERROR_WORDS>,
  values?: MessageValues,
): IncidentFileError {
  const sent = message(FILE_ERROR_NAMESPACE, key, values);
  return new IncidentFileError(
    wordMessage({ [FILE_ERROR_NAMESPACE]: FILE_ERROR_WORDS, ...VALUE_CATALOGUE }, sent),
    sent,
  );
}
