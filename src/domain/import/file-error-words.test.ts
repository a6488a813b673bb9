import { VALUE_CATALOGUE } from '../value-words';
import { describe, expect, it } from 'vitest';
import { wordMessage } from '../message';
import { FILE_ERROR_NAMESPACE, FILE_ERROR_WORDS, IncidentFileError } from './file-error-words';
import { importIncidents } from './import-incidents';

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

const UNREADABLE: Record<string, string | Uint8Array> = {
  'an empty file': '   ',
  'binary bytes': new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x00, 0xff, 0x10, 0x00]),
  'broken JSON': '{"type": "FeatureCollection", "features": [',
  'a JSON array': '[1, 2]',
  'a collection without features': '{"type": "FeatureCollection"}',
  'KML that is not XML':
    '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
  'KML without a Placemark':
    '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document></Document></kml>',
};

describe('A file that cannot be loaded', () => {
  it.each(Object.entries(UNREADABLE))(
    'as %s sends a message that words to its English error',
    (_, input) => {
      const error = errorOf(input);
      expect(error.sent).toBeDefined();
      expect(wordMessage(CATALOGUE, error.sent!)).toBe(error.message);
    },
  );
});
