import { describe, expect, it } from 'vitest';
import { findDuplicateIds } from '../parse-incidents';
import { loadIncidents, makeFeature } from '../test-factories';
import { crsWarning } from './read-geojson';
import { importIncidents } from './import-incidents';
import { readKml } from './read-kml';
import { describeMissingColumns, recogniseLayout } from './recognise-layout';
import { wordWarning } from './warning-words';

/** The warnings of a file that loaded. */
function warningsOf(text: string) {
  const outcome = importIncidents(text);
  if (outcome.status !== 'loaded') throw new Error(`not loaded: ${outcome.status}`);
  return outcome.set.warnings;
}

/** A CSV table with an HXL row, a repeated header, blank rows and no coordinates. */
const CSV = [
  'id,date,type,id',
  '#id,#date,#event,#x',
  'a,2025-10-12,ied,x',
  ',,,',
  'b,2025-10-13,ied,y',
  ',,,',
].join('\n');

/** KML with `n` ExtendedData values named `__proto__`. */
function kmlWithProto(n: number) {
  const data = '<Data name="__proto__"><value>x</value></Data>'.repeat(n);
  return (
    '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>' +
    `<ExtendedData>${data}</ExtendedData><Point><coordinates>70,34</coordinates></Point>` +
    '</Placemark></Document></kml>'
  );
}

describe('A warning about particular features', () => {
  it('names the first ten positions of a duplicate id and counts the rest, in its English too', () => {
    const [warning] = findDuplicateIds(
      loadIncidents(Array.from({ length: 1012 }, () => makeFeature({ id: 'same' }))),
    );
    expect(warning?.message).toBe(
      'id "same" is used by 1012 features (#0, #1, #2, #3, #4, #5, #6, #7, #8, #9 and 1,002 more); all are kept',
    );
    expect(wordWarning(warning!.sent!)).toBe(warning!.message);
  });

  it.each([
    ['WGS84', { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }],
    ['another system', { type: 'name', properties: { name: 'EPSG:3857' } }],
  ])('of a coordinate system (%s) words to its English', (_, crs) => {
    const warning = crsWarning(crs);
    expect(warning.sent).toBeDefined();
    expect(wordWarning(warning.sent!)).toBe(warning.message);
  });

  it('of a CSV table each send a message that words to their English, as it was written', () => {
    const warnings = warningsOf(CSV);
    expect(warnings.map((warning) => warning.message)).toEqual([
      'line 2 is an HXL hashtag row (#id…), not an event; it was skipped',
      '2 rows with every cell empty were skipped (lines 4, 6)',
      'the header names 2 columns "id" (columns 1, 4); all are kept, the later ones as "id (2)"',
      'the file has no longitude and latitude columns: its incidents are listed but not drawn',
    ]);
    for (const warning of warnings) expect(wordWarning(warning.sent!)).toBe(warning.message);
  });

  it('counts one skipped empty row in the singular', () => {
    const [empty] = warningsOf('id,date,type\na,2025-10-12,ied\n,,\n');
    expect(empty?.message).toBe('1 row with every cell empty was skipped (line 3)');
  });

  it.each([
    [
      1,
      '1 ExtendedData value is named "__proto__", a name no property can take safely; it was left out',
    ],
    [
      2,
      '2 ExtendedData values are named "__proto__", a name no property can take safely; they were left out',
    ],
  ])('of KML with %i value named __proto__ words to its English', (n, english) => {
    const [warning] = readKml(kmlWithProto(n)).warnings;
    expect(warning?.message).toBe(english);
    expect(wordWarning(warning!.sent!)).toBe(english);
  });

  it.each([
    [
      'both the type and the id',
      ['date_start', 'source_art', 'latitude', 'longitude', 'best'],
      /\(without type_of_violence every event's type is "unspecified"; without id ids are made from each event's content\)$/,
    ],
    [
      'the id',
      ['date_start', 'type_of_violence', 'latitude', 'longitude'],
      /; missing: id, .*\(without id ids are made from each event's content\)$/,
    ],
    [
      'the type',
      ['id', 'date_start', 'latitude', 'longitude'],
      /; missing: relid, .*\(without type_of_violence every event's type is "unspecified"\)$/,
    ],
    ['neither', ['id', 'date_start', 'type_of_violence', 'latitude'], /; missing: relid, [^(]*$/],
  ])('of missing columns costing %s says so in one sentence of its words', (_, names, cost) => {
    const [missing] = describeMissingColumns(recogniseLayout(names)!);
    expect(missing?.message).toMatch(cost);
    expect(wordWarning(missing!.sent!)).toBe(missing!.message);
  });
});
