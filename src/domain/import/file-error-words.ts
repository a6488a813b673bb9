/**
 * Why a whole file cannot be loaded, in English: the source catalogue of the `fileError`
 * namespace (domain/message.ts). A reader throws `fileError(key, values)`: an IncidentFileError
 * whose text is this English (the command line, tests) and whose `sent` message the page words in
 * the reader's language after the file's name. Values are data (what the parser said, a name).
 * A link that gave no file at all (unreachable, an HTTP error) is worded here too, in a sentence
 * that names the link itself.
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
  noSuchSheet: 'The workbook has no sheet "{{sheet}}"; its sheets are {{sheets}}.',
  workbookUnreadable: 'The workbook cannot be read ({{detail}}).',
  damagedZip: 'The file is a damaged ZIP archive ({{detail}}).',
  zipNeither:
    'The file is a ZIP archive but neither an Excel .xlsx workbook nor a KMZ: unzip it and open the data file inside.',
  csvHeader: 'The CSV header on line {{line}} cannot be read: {{detail}}.',
  notTable:
    'The file is neither GeoJSON nor CSV: its first line has no comma, tab, semicolon or pipe ' +
    'separating columns, and an incident needs at least a date and a type.',
  /** Binary files people pick by mistake, known by their first bytes, with what to do instead. */
  signature: {
    zip:
      'The file is a ZIP archive but not an Excel .xlsx workbook or a KMZ: ' +
      'unzip it and open the data file inside.',
    gzip: 'The file is gzip-compressed, not text. Decompress it and open the result.',
    pdf: 'The file is a PDF document, not a data file.',
  },
  utf16NotValid:
    'The file looks like {{encoding}} text without a byte-order mark, but it is not valid {{encoding}}.',
  markNotValid:
    'The file starts with a {{encoding}} byte-order mark but is not valid {{encoding}} text.',
  tooLongForText:
    'The file is {{size}}, too long to read as one text (a browser holds at most ' +
    'about 512 million characters in a string). Only a GeoJSON FeatureCollection is read ' +
    'piece by piece: split the file, or convert it to GeoJSON.',
  /** Markup that is not data, by its first element: what it is and what it may be. */
  markup: {
    html:
      'The file is an HTML page, not data this app reads (GeoJSON, CSV, XLSX or KML): ' +
      'a server error page, or a web page saved instead of the data?',
    svg:
      'The file is an SVG image, not data this app reads (GeoJSON, CSV, XLSX or KML): ' +
      'a picture served in place of the data?',
    xml: 'The file is XML but not KML, not data this app reads (GeoJSON, CSV, XLSX or KML): GPX, RSS?',
  },
  memberNotJson: 'The member "{{member}}" is not valid JSON ({{detail}}).',
  notObject: 'The file is not a GeoJSON FeatureCollection (it does not start with "{").',
  truncated: 'The file ended before the FeatureCollection was complete (is it truncated?).',
  /** A link that gave no file: the sentence names the link itself. */
  unreachable:
    'Could not reach {{name}}: the network failed or the server does not allow this page to read it (CORS).',
  httpError: 'Could not load {{name}}: the server answered {{status}}.',
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
