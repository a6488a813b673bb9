import { strToU8, zipSync } from 'fflate';
import { VALUE_CATALOGUE } from '../value-words';
import { describe, expect, it } from 'vitest';
import { wordMessage } from '../message';
import { FILE_ERROR_NAMESPACE, FILE_ERROR_WORDS, IncidentFileError } from './file-error-words';
import { importIncidents, importZip } from './import-incidents';
import { readFeatureCollectionStream } from './stream-feature-collection';

const CATALOGUE = { [FILE_ERROR_NAMESPACE]: FILE_ERROR_WORDS, ...VALUE_CATALOGUE };

/** The error importing `input` throws. */
function errorOf(input: string | Uint8Array): IncidentFileError {
  try {
    importIncidents(input);
  } catch (error) {
    if (error instanceof IncidentFileError) return error;
    throw error;
  }
  throw new Error('the file loaded');
}

/** The error streaming `text` as a FeatureCollection throws. */
async function streamErrorOf(text: string): Promise<IncidentFileError> {
  async function* chunks() {
    yield new TextEncoder().encode(text);
  }
  const error: unknown = await readFeatureCollectionStream(chunks()).then(
    () => new Error('the collection was read'),
    (thrown: unknown) => thrown,
  );
  if (error instanceof IncidentFileError) return error;
  throw error;
}

const bytes = (...values: number[]) => new Uint8Array(values);

/** Files that cannot be loaded, with the English error each has always had. */
const UNREADABLE: Record<string, [string | Uint8Array, string]> = {
  'an empty file': ['   ', 'The file is empty.'],
  'binary bytes': [
    bytes(0x00, 0x01, 0x02, 0x03, 0x00, 0xff, 0x10, 0x00),
    'The file is binary, not text: it is not GeoJSON or CSV. Open a .geojson, .json or .csv file.',
  ],
  'broken JSON': [
    '{"type": "FeatureCollection", "features": [',
    expect.stringMatching(/^The file is not valid JSON \(.+\)\.$/) as unknown as string,
  ],
  'a JSON array': ['[1, 2]', 'The file is not a GeoJSON FeatureCollection (got an array of 2).'],
  'a collection without features': [
    '{"type": "FeatureCollection"}',
    'The FeatureCollection has no "features" array.',
  ],
  'KML that is not XML': [
    '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
    expect.stringMatching(/^The KML file is not well-formed XML \(.+\)\.$/) as unknown as string,
  ],
  'KML without a Placemark': [
    '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document></Document></kml>',
    'The KML file holds no Placemark: there is nothing to load.',
  ],
  'one column of text': [
    'hello\nworld',
    'The file is neither GeoJSON nor CSV: its first line has no comma, tab, semicolon or pipe ' +
      'separating columns, and an incident needs at least a date and a type.',
  ],
  'a ZIP archive read as text': [
    bytes(0x50, 0x4b, 0x03, 0x04, 0x00),
    'The file is a ZIP archive but not an Excel .xlsx workbook or a KMZ: ' +
      'unzip it and open the data file inside.',
  ],
  'gzip bytes': [
    bytes(0x1f, 0x8b, 0x08, 0x00),
    'The file is gzip-compressed, not text. Decompress it and open the result.',
  ],
  'a PDF': [bytes(0x25, 0x50, 0x44, 0x46, 0x2d), 'The file is a PDF document, not a data file.'],
  'a UTF-16LE mark before a lone surrogate': [
    bytes(0xff, 0xfe, 0x00, 0xd8),
    'The file starts with a UTF-16LE byte-order mark but is not valid UTF-16LE text.',
  ],
  'an HTML page': [
    '<!DOCTYPE html><html><body>Not found</body></html>',
    'The file is an HTML page, not data this app reads (GeoJSON, CSV, XLSX or KML): ' +
      'a server error page, or a web page saved instead of the data?',
  ],
  'an SVG image': [
    '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    'The file is an SVG image, not data this app reads (GeoJSON, CSV, XLSX or KML): ' +
      'a picture served in place of the data?',
  ],
  GPX: [
    '<?xml version="1.0"?><gpx version="1.1"></gpx>',
    'The file is XML but not KML, not data this app reads (GeoJSON, CSV, XLSX or KML): GPX, RSS?',
  ],
};

/** Collections cut short or broken as they stream, with their English errors. */
const UNSTREAMABLE: Record<string, [string, string]> = {
  'a file that does not open an object': [
    '[{"type": "FeatureCollection"}]',
    'The file is not a GeoJSON FeatureCollection (it does not start with "{").',
  ],
  'a member that is not JSON': [
    '{"type": "FeatureCollection", "name": nope, "features": []}',
    expect.stringMatching(/^The member "name" is not valid JSON \(.+\)\.$/) as unknown as string,
  ],
  'a collection cut short': [
    '{"type": "FeatureCollection", "features": [',
    'The file ended before the FeatureCollection was complete (is it truncated?).',
  ],
};

/** Archives that are not a workbook the app can read, with the sheet asked for. */
const UNREADABLE_ZIPS: Record<string, [Uint8Array, string | undefined, string]> = {
  'a ZIP of other files': [
    zipSync({ 'notes.txt': strToU8('hello') }),
    undefined,
    'The file is a ZIP archive but neither an Excel .xlsx workbook nor a KMZ: ' +
      'unzip it and open the data file inside.',
  ],
  'a workbook without the sheet asked for': [
    zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="Events"/><sheet name="Notes"/></sheets></workbook>',
      ),
    }),
    'Summary',
    'The workbook has no sheet "Summary"; its sheets are "Events", "Notes".',
  ],
};

describe('A file that cannot be loaded', () => {
  it.each(Object.entries(UNREADABLE))(
    'as %s says what it always said, from a message that words to it',
    (_, [input, english]) => {
      const error = errorOf(input);
      expect(error.message).toEqual(english);
      expect(error.sent).toBeDefined();
      expect(wordMessage(CATALOGUE, error.sent!)).toBe(error.message);
    },
  );

  it.each(Object.entries(UNSTREAMABLE))(
    'as %s, streamed, says what it always said, from a message that words to it',
    async (_, [text, english]) => {
      const error = await streamErrorOf(text);
      expect(error.message).toEqual(english);
      expect(wordMessage(CATALOGUE, error.sent!)).toBe(error.message);
    },
  );

  it.each(Object.entries(UNREADABLE_ZIPS))(
    'as %s says what it always said, from a message that words to it',
    async (_, [bytes, sheet, english]) => {
      const error: unknown = await importZip(bytes, sheet === undefined ? {} : { sheet }).then(
        () => new Error('the archive loaded'),
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(IncidentFileError);
      expect((error as IncidentFileError).message).toBe(english);
      expect(wordMessage(CATALOGUE, (error as IncidentFileError).sent!)).toBe(english);
    },
  );

  it('names the line of a CSV header it cannot read, and sends the parser’s words as they are', () => {
    const error = errorOf('\n\n"id,date,type\na,b,c');
    expect(error.message).toMatch(/^The CSV header on line 3 cannot be read: .+\.$/);
    const detail = /cannot be read: (.+)\.$/.exec(error.message)![1]!;
    expect(error.sent?.values).toEqual({ line: 3, detail });
  });
});
