import { describe, expect, it } from 'vitest';
import type { IncidentSet } from '../incident';
import { serialiseGeoJsonExport } from '../export-geojson';
import { IncidentFileError, MAX_NESTING_DEPTH } from '../parse-incidents';
import { makeCollection, makeFeature } from '../test-factories';
import type { ImportOptions, ImportOutcome } from './import-incidents';
import { exportCsv } from './export-csv';
import { importIncidents } from './import-incidents';
import { EMPTY_URL_FILTER } from '../filters/filter-table';

type Loaded = Extract<ImportOutcome, { status: 'loaded' }>;

/** Imports and insists that the file loaded (rather than asking for a mapping). */
function load(input: string | Uint8Array | ArrayBuffer, options?: ImportOptions): Loaded {
  const outcome = importIncidents(input, options);
  if (outcome.status !== 'loaded') throw new Error(`needs mapping: ${outcome.reason}`);
  return outcome;
}

function loadSet(input: string | Uint8Array | ArrayBuffer, options?: ImportOptions): IncidentSet {
  return load(input, options).set;
}

const HEADER = 'id,date,type,longitude,latitude,note';
const csvOf = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const geojson = (...features: unknown[]) => JSON.stringify(makeCollection(features));

describe('Decoding', () => {
  const text = geojson(makeFeature({ id: 'a', note: 'Spīn Boldak – سپین بولدک' }));

  it('reads UTF-8 bytes with and without a byte-order mark', () => {
    const bytes = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(loadSet(bytes).incidents[0]?.feature.properties.note).toBe('Spīn Boldak – سپین بولدک');
    expect(loadSet(withBom).incidents[0]?.feature.properties.note).toBe('Spīn Boldak – سپین بولدک');
  });

  it('reads UTF-16 little-endian and big-endian text marked by their byte-order marks', () => {
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      le.set([code & 0xff, code >> 8], 2 + i * 2);
      be.set([code >> 8, code & 0xff], 2 + i * 2);
    }
    expect(loadSet(le).incidents[0]?.feature.properties.note).toBe('Spīn Boldak – سپین بولدک');
    expect(loadSet(be).incidents[0]?.feature.properties.note).toBe('Spīn Boldak – سپین بولدک');
  });

  it('accepts an ArrayBuffer as well as bytes and text', () => {
    const bytes = new TextEncoder().encode(text);
    expect(loadSet(bytes.buffer as ArrayBuffer).incidents).toHaveLength(1);
    expect(loadSet(text).incidents).toHaveLength(1);
  });

  it('refuses an empty file, or one with only a byte-order mark or blank space', () => {
    for (const input of [new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf]), ' \n\t\r\n', '']) {
      expect(() => importIncidents(input)).toThrow(new IncidentFileError('The file is empty.'));
    }
  });

  it('refuses binary junk with one clear message', () => {
    const junk = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => importIncidents(junk)).toThrow(/^The file is binary, not text/);
  });

  it('says that a ZIP archive that is not a workbook is to be unzipped', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]);
    expect(() => importIncidents(zip)).toThrow(/ZIP archive .*unzip it/);
  });

  it('reads bytes that are not UTF-8 as Windows-1252 and says so in a warning', () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`${HEADER}\na,2025-10-12,ied,70.1,33.9,Gen`),
      0xe8,
      ...new TextEncoder().encode('ve\n'),
    ]);
    const set = loadSet(latin1);
    expect(set.incidents[0]?.feature.properties.note).toBe('Genève');
    expect(set.warnings[0]).toMatchObject({ code: 'encoding', encoding: 'windows-1252' });
    expect(set.warnings[0]?.message).toMatch(/^Read as Windows-1252: /);
  });

  it('reads the file in the encoding asked for and says so in a warning', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${HEADER}\na,2025-10-12,ied,70.1,33.9,Gen`),
      0xe8,
      ...new TextEncoder().encode('ve\n'),
    ]);
    const set = loadSet(bytes, { encoding: 'utf-8' });
    expect(set.incidents[0]?.feature.properties.note).toBe('Gen\ufffdve');
    expect(set.warnings[0]).toEqual({
      code: 'encoding',
      encoding: 'utf-8',
      message: 'Read as UTF-8, as asked.',
      facts: { asked: true },
    });
  });

  it('reads UTF-16 text that has lost its byte-order mark', () => {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], i * 2);
    }
    const set = loadSet(bytes);
    expect(set.incidents[0]?.feature.properties.note).toBe('Spīn Boldak – سپین بولدک');
    expect(set.warnings).toEqual([]);
  });
});

describe('Formats', () => {
  it('names an HTML page or an XML file that is not KML instead of parsing it', () => {
    expect(() => importIncidents('<!DOCTYPE html>\n<html><body>404</body></html>')).toThrow(
      /^The file is an HTML page/,
    );
    expect(() => importIncidents('<?xml version="1.0"?>\n<rss></rss>')).toThrow(/^The file is XML/);
    expect(() => importIncidents('<?xml version="1.0"?>\n<kml></kml>')).toThrow(
      'The KML file holds no Placemark: there is nothing to load.',
    );
  });

  it.each([
    ['an SVG image', '<svg xmlns="http://www.w3.org/2000/svg"><script>a;b</script></svg>'],
    ['an SVG image', '<?xml version="1.0"?>\n<!-- drawn -->\n<!DOCTYPE svg>\n<svg><g/></svg>'],
    ['an HTML page', '<!-- error -->\n<html lang="en"><body>a;b;c</body></html>'],
    ['XML but not KML', '<gpx version="1.1"><trk/></gpx>'],
  ])('names %s as not data, before reading it as a table', (what, text) => {
    expect(() => importIncidents(text)).toThrow(
      `The file is ${what}, not data this app reads (GeoJSON, CSV, XLSX or KML)`,
    );
  });

  it('still reads KML behind an XML declaration and comments', () => {
    const kml =
      '<?xml version="1.0"?>\n<!-- made by hand -->\n<kml xmlns="http://www.opengis.net/kml/2.2">' +
      '<Placemark><ExtendedData><Data name="date"><value>2025-10-12</value></Data>' +
      '<Data name="type"><value>ied</value></Data></ExtendedData>' +
      '<Point><coordinates>70.1,34.1</coordinates></Point></Placemark></kml>';
    expect(load(kml).set.incidents).toHaveLength(1);
  });

  it('reports JSON with a comment in front as invalid JSON', () => {
    expect(() => importIncidents('// export\n{"type":"FeatureCollection","features":[]}')).toThrow(
      /^The file is not valid JSON/,
    );
  });

  it('loads a FeatureCollection as GeoJSON in the native layout', () => {
    const outcome = load(geojson(makeFeature({ id: 'a' })));
    expect(outcome).toMatchObject({ format: 'geojson', layout: 'native' });
    expect(outcome.set.incidents[0]).toMatchObject({ key: 'a', day: '2025-10-12' });
  });

  it('loads a single Feature as one incident', () => {
    const outcome = load(JSON.stringify(makeFeature({ id: 'only' })));
    expect(outcome.format).toBe('geojson-feature');
    expect(outcome.set.incidents.map((i) => i.key)).toEqual(['only']);
  });

  it('loads newline-delimited GeoJSON and rejects a bad line with its line number and text', () => {
    const text = [
      JSON.stringify(makeFeature({ id: 'a' })),
      '',
      '{"type":"Feature", oops}',
      JSON.stringify(makeFeature({ id: 'b', date: 'soon' })),
      JSON.stringify(makeFeature({ id: 'c' })),
    ].join('\r\n');
    const outcome = load(text);
    expect(outcome.format).toBe('geojsonseq');
    expect(outcome.set.incidents.map((i) => [i.index, i.key])).toEqual([
      [0, 'a'],
      [3, 'c'],
    ]);
    expect(outcome.set.rejected).toEqual([
      expect.objectContaining({
        index: 1,
        line: 3,
        reason: expect.stringMatching(/^line 3 is not valid JSON/),
        raw: '{"type":"Feature", oops}',
      }),
      expect.objectContaining({
        index: 2,
        line: 4,
        id: 'b',
        reason: expect.stringContaining('soon'),
      }),
    ]);
  });

  it('loads a GeoJSON text sequence whose records start with the record separator', () => {
    const text = ['a', 'b', 'c']
      .map((id) => '\u001e' + JSON.stringify(makeFeature({ id })) + '\n')
      .join('');
    const outcome = load(text);
    expect(outcome.format).toBe('geojsonseq');
    expect(outcome.set.incidents.map((i) => i.key)).toEqual(['a', 'b', 'c']);
  });

  it('reports a broken FeatureCollection as invalid JSON, not as a sequence of lines', () => {
    const pretty = JSON.stringify(makeCollection([makeFeature(), makeFeature()]), null, 2);
    expect(() => importIncidents(pretty.replace('"Feature"', '"Feature",,'))).toThrow(
      /^The file is not valid JSON/,
    );
  });

  it('refuses JSON that is neither a FeatureCollection nor a Feature', () => {
    expect(() => importIncidents('[1,2]')).toThrow(/not a GeoJSON FeatureCollection/);
    expect(() => importIncidents('{"type":"Point","coordinates":[70,34]}')).toThrow(
      'The file is not a GeoJSON FeatureCollection (got type "Point").',
    );
  });

  it('survives 10,000 levels of nesting and rejects the feature with a reason', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const text = geojson(makeFeature({ id: 'ok' }), makeFeature({ id: 'deep', x: 1 })).replace(
      '"x":1',
      `"x":${deep}`,
    );
    const set = loadSet(text);
    expect(set.incidents.map((i) => i.key)).toEqual(['ok']);
    expect(set.rejected[0]?.reason).toMatch(`nests deeper than ${MAX_NESTING_DEPTH} levels`);
    // What is handed back can still be posted from a worker and serialised.
    expect(() => JSON.stringify(structuredClone(set))).not.toThrow();
  });
});

describe('CSV rows', () => {
  it('become Features with every column as text and a Point from the coordinate columns', () => {
    const set = loadSet(csvOf('k-1,2025-10-12,ied,70.25,33.5,near the bazaar'));
    expect(set.incidents[0]).toMatchObject({ key: 'k-1', lon: 70.25, lat: 33.5, type: 'ied' });
    expect(set.incidents[0]?.feature).toEqual({
      type: 'Feature',
      id: 'k-1',
      geometry: { type: 'Point', coordinates: [70.25, 33.5] },
      properties: {
        id: 'k-1',
        date: '2025-10-12',
        type: 'ied',
        longitude: '70.25',
        latitude: '33.5',
        note: 'near the bazaar',
      },
    });
  });

  it('carry no date or type property that the file did not have', () => {
    const text =
      'event_id_cnty,event_date,sub_event_type,latitude,longitude\nT-1,2025-10-12,Grenade,34,70\n';
    const properties = loadSet(text).incidents[0]!.feature.properties;
    expect(Object.keys(properties)).toEqual([
      'event_id_cnty',
      'event_date',
      'sub_event_type',
      'latitude',
      'longitude',
    ]);
  });

  it('keep every column of a repeated header name and say where the copies went', () => {
    const outcome = load('date,type,note,note\n2025-10-12,ied,first,second\n');
    expect(outcome.set.incidents[0]?.feature.properties).toMatchObject({
      note: 'first',
      'note (2)': 'second',
    });
    expect(outcome.columns).toEqual(['date', 'type', 'note', 'note']);
    expect(outcome.set.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('"note (2)"') }),
    );
  });

  it('keep quoted commas, doubled quotes and line breaks inside a field', () => {
    const set = loadSet(
      csvOf('a,2025-10-12,ied,70,34,"one, ""two""\nthree"', 'b,2025-10-13,ied,70,34,x'),
    );
    expect(set.incidents[0]?.feature.properties.note).toBe('one, "two"\nthree');
    expect(set.incidents[1]).toMatchObject({ key: 'b' });
  });

  it('read files with CRLF line endings', () => {
    const set = loadSet(
      [HEADER, 'a,2025-10-12,ied,70,34,x', 'b,2025-10-13,ied,70,34,y'].join('\r\n'),
    );
    expect(set.incidents.map((i) => i.feature.properties.note)).toEqual(['x', 'y']);
  });

  it('read tab- and semicolon-separated files', () => {
    expect(loadSet('date\ttype\n2025-10-12\tied\n').incidents).toHaveLength(1);
    expect(loadSet('\n\ndate;type\n2025-10-12;ied\n').incidents).toHaveLength(1);
    expect(
      loadSet('date;type;note\n2025-10-12;ied;a, b\n').incidents[0]?.feature.properties.note,
    ).toBe('a, b');
  });

  it('keep to the comma when data cells are full of semicolons', () => {
    const set = loadSet('date,type,note\n2025-10-12,ied,a;b;c;d;e\n2025-10-13,ied,f;g;h;i;j\n');
    expect(set.incidents.map((i) => i.feature.properties.note)).toEqual(['a;b;c;d;e', 'f;g;h;i;j']);
  });

  it('skip the HXL hashtag row of HDX copies with a skipped-row warning', () => {
    const set = loadSet(csvOf('#id,#date,,#geo+lon,#geo+lat,', 'a,2025-10-12,ied,70,34,x'));
    expect(set.incidents.map((i) => i.index)).toEqual([0]);
    expect(set.warnings).toContainEqual(
      expect.objectContaining({
        code: 'skipped-row',
        message: expect.stringMatching(/^line 2 is an HXL/),
      }),
    );
  });

  it('get a null geometry when both coordinates are blank', () => {
    expect(loadSet(csvOf('a,2025-10-12,ied,,,x')).incidents[0]).toMatchObject({
      lon: null,
      lat: null,
      feature: { geometry: null },
    });
  });

  it('are rejected when one coordinate is blank', () => {
    expect(loadSet(csvOf('a,2025-10-12,ied,70.1,,x')).rejected[0]?.reason).toBe(
      'latitude is blank but longitude is "70.1"',
    );
  });

  it('are rejected with a reason when a coordinate is not a finite decimal number', () => {
    const reasons = ['NaN', 'Infinity', '-Infinity', '1e400', '70,1', '0x46', 'seventy'].map(
      (lon) => loadSet(csvOf(`a,2025-10-12,ied,"${lon}",34,x`)).rejected[0]?.reason,
    );
    expect(reasons).toEqual([
      'longitude "NaN" is not a decimal number',
      'longitude "Infinity" is not a decimal number',
      'longitude "-Infinity" is not a decimal number',
      'longitude "1e400" is not a finite number',
      'longitude "70,1" is not a decimal number (write a point, not a comma, before the decimals)',
      'longitude "0x46" is not a decimal number',
      'longitude "seventy" is not a decimal number',
    ]);
  });

  it('are rejected when a coordinate is out of range', () => {
    expect(loadSet(csvOf('a,2025-10-12,ied,200,34,x')).rejected[0]?.reason).toBe(
      'longitude 200 is outside -180…180',
    );
  });

  it('are rejected with their line and exact text when they have too many or too few fields', () => {
    const set = loadSet(csvOf('a,2025-10-12,ied,70,34,x,extra', 'b,2025-10-12,ied,70'));
    // Each also carries its reason as a message for the page (rejection-words.ts).
    expect(set.rejected).toMatchObject([
      {
        index: 0,
        line: 2,
        id: 'a',
        reason: 'the row has 7 fields but the header has 6',
        problem: 'row not readable as CSV',
        input: expect.objectContaining({ id: 'a', 'column 7': 'extra' }),
        raw: 'a,2025-10-12,ied,70,34,x,extra',
      },
      expect.objectContaining({ index: 1, line: 3, raw: 'b,2025-10-12,ied,70' }),
    ]);
  });

  it('hand back a rejected row as its exact source lines', () => {
    const set = loadSet(csvOf('a,2025-10-12,ied,70,34,x', 'b,12/10/2025,ied,70,34,"two\r\nlines"'));
    expect(set.rejected[0]).toMatchObject({
      index: 1,
      line: 3,
      raw: 'b,12/10/2025,ied,70,34,"two\r\nlines"',
    });
  });

  it('that break the quoting are rejected with what papaparse said', () => {
    const set = loadSet(csvOf('a,2025-10-12,ied,70,34,x', 'b,2025-10-12,ied,70,34,"never closed'));
    expect(set.incidents).toHaveLength(1);
    expect(set.rejected[0]).toMatchObject({
      line: 3,
      reason: expect.stringContaining('Quoted field unterminated'),
      raw: 'b,2025-10-12,ied,70,34,"never closed',
    });
  });

  it('of bare separators are skipped with a warning', () => {
    const set = loadSet(csvOf('a,2025-10-12,ied,70,34,x', ',,,,,', 'b,2025-10-12,ied,70,34,y'));
    expect(set.incidents.map((i) => i.key)).toEqual(['a', 'b']);
    expect(set.warnings).toContainEqual(
      expect.objectContaining({ code: 'skipped-row', message: expect.stringContaining('line 3') }),
    );
  });

  it('may start after blank lines, whose count still gives each row its true line', () => {
    const set = loadSet('\n\n' + csvOf('a,2025-10-12,ied,70,34,x', 'b,soon,ied,70,34,y'));
    expect(set.incidents.map((i) => i.key)).toEqual(['a']);
    expect(set.rejected[0]).toMatchObject({ index: 1, line: 5 });
  });

  it('load none from a header-only file, with a warning', () => {
    const outcome = load(HEADER + '\r\n');
    expect(outcome.set.incidents).toEqual([]);
    expect(outcome.set.warnings).toContainEqual(
      expect.objectContaining({ message: 'the file has a header but no data rows' }),
    );
  });

  it('load unlocated when the file has no coordinate columns, with a warning', () => {
    const set = loadSet('date,type\n2025-10-12,ied\n');
    expect(set.incidents[0]).toMatchObject({ lon: null, lat: null });
    expect(set.warnings[0]?.message).toMatch(/no longitude and latitude columns/);
  });

  it('find coordinate columns by their usual names', () => {
    expect(loadSet('date,type,LNG,Lat\n2025-10-12,ied,70,34\n').incidents[0]).toMatchObject({
      lon: 70,
      lat: 34,
    });
    expect(loadSet('date,type,x,y\n2025-10-12,ied,70,34\n').incidents[0]).toMatchObject({
      lon: 70,
      lat: 34,
    });
  });

  it('refuse a text whose first line has no separator', () => {
    expect(() => importIncidents('Just some notes\nabout a day\n')).toThrow(
      /neither GeoJSON nor CSV/,
    );
  });
});

describe('Layouts', () => {
  const ACLED_HEADER =
    'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,latitude,longitude,notes';

  it('detects an ACLED export and reads both of its date forms, its ids and its types', () => {
    const outcome = load(
      [
        ACLED_HEADER,
        'TEST-ACLED-1,12 October 2025,2025,1,Political violence,Explosions/Remote violence,Air/drone strike,33.2,69.9,synthetic',
        'TEST-ACLED-2,2025-10-13,2025,1,Political violence,Battles,Armed clash,34.0,71.1,synthetic',
      ].join('\n'),
    );
    expect(outcome.layout).toBe('acled');
    expect(outcome.set.incidents.map((i) => [i.key, i.day, i.type])).toEqual([
      ['TEST-ACLED-1', '2025-10-12', 'airstrike'],
      ['TEST-ACLED-2', '2025-10-13', 'armed_clash'],
    ]);
  });

  it('keeps an ACLED sub-event type outside the taxonomy under its own slugified code', () => {
    const set = loadSet(
      `${ACLED_HEADER}\nT-1,2025-10-12,2025,1,Demonstrations,Protests,Peaceful protest,34,71,x\n`,
    );
    expect(set.incidents[0]?.type).toBe('peaceful_protest');
  });

  it('detects UCDP GED and reads date_start with its time and type_of_violence', () => {
    const outcome = load(
      [
        'id,relid,year,type_of_violence,where_prec,latitude,longitude,date_start,date_end,best',
        '900001,TEST-UCDP-1,2025,1,1,33.500000,70.100000,2025-10-12 00:00:00.000,2025-10-12 00:00:00.000,3',
        '900002,TEST-UCDP-2,2025,3,2,34.000000,71.000000,2025-10-13 00:00:00.000,2025-10-13 00:00:00.000,1',
        '900003,TEST-UCDP-3,2025,4,2,34.000000,71.000000,2025-10-13 00:00:00.000,2025-10-13 00:00:00.000,1',
      ].join('\n'),
    );
    expect(outcome.layout).toBe('ucdp');
    expect(outcome.set.incidents.map((i) => [i.key, i.day, i.type])).toEqual([
      ['900001', '2025-10-12', 'state_based'],
      ['900002', '2025-10-13', 'one_sided'],
    ]);
    expect(outcome.set.rejected[0]?.reason).toBe('type_of_violence "4" is not 1, 2 or 3');
  });

  it('detects ACLED property names in GeoJSON', () => {
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [70, 34] },
      properties: {
        event_id_cnty: 'TEST-ACLED-9',
        event_date: '12 October 2025',
        sub_event_type: 'Suicide bomb',
      },
    };
    const outcome = load(geojson(feature));
    expect(outcome.layout).toBe('acled');
    expect(outcome.set.incidents[0]).toMatchObject({ key: 'TEST-ACLED-9', type: 'suicide_attack' });
  });

  it('asks for a mapping when a CSV has neither date and type nor a known layout', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `2025-10-1${i},raid,${i}`);
    const outcome = importIncidents(['when,what,n', ...rows].join('\n'));
    expect(outcome).toMatchObject({
      status: 'needs-mapping',
      format: 'csv',
      columns: ['when', 'what', 'n'],
      reason: expect.stringContaining('Choose which column holds the date'),
    });
    expect(outcome.status === 'needs-mapping' && outcome.sample).toEqual(
      rows.slice(0, 5).map((row) => {
        const [when, what, n] = row.split(',');
        return { when, what, n };
      }),
    );
  });

  it('asks for a mapping when GeoJSON properties have neither date and type nor a known layout', () => {
    const feature = makeFeature({}, { properties: { when: '2025-10-12', what: 'raid' } });
    expect(importIncidents(geojson(feature))).toMatchObject({
      status: 'needs-mapping',
      format: 'geojson',
      columns: ['when', 'what'],
      sample: [{ when: '2025-10-12', what: 'raid' }],
    });
  });

  it('uses the chosen date and type columns, slugifying types that are not codes yet', () => {
    const text = 'when,what,lon,lat\n12 October 2025,Night Raid,70,34\n2025-10-13,ied,70,34\n';
    const outcome = load(text, { mapping: { date: 'when', type: 'what' } });
    expect(outcome.layout).toBe('custom');
    expect(outcome.set.incidents.map((i) => [i.day, i.type, i.lon])).toEqual([
      ['2025-10-12', 'night_raid', 70],
      ['2025-10-13', 'ied', 70],
    ]);
  });

  it('uses the chosen coordinate columns', () => {
    const text = 'when,what,east,north\n2025-10-12,ied,70.5,34.5\n';
    const mapping = { date: 'when', type: 'what', longitude: 'east', latitude: 'north' };
    expect(loadSet(text, { mapping }).incidents[0]).toMatchObject({ lon: 70.5, lat: 34.5 });
  });

  it('uses the chosen property names for GeoJSON', () => {
    const feature = makeFeature({}, { properties: { when: '2025-10-12', what: 'Raid' } });
    expect(
      loadSet(geojson(feature), { mapping: { date: 'when', type: 'what' } }).incidents[0],
    ).toMatchObject({
      day: '2025-10-12',
      type: 'raid',
    });
  });

  it('asks again when a chosen column is not in the file', () => {
    expect(
      importIncidents('when,what\n2025-10-12,ied\n', { mapping: { date: 'day', type: 'what' } }),
    ).toMatchObject({
      status: 'needs-mapping',
      reason: 'The column "day" chosen for the date is not in the file.',
    });
  });
});

describe('Dates in a file', () => {
  const text = csvOf('a,03/04/2025,ied,70,34,x', 'b,25/10/2025,ied,70,34,x');

  it('are rejected when numeric and undeclared, saying the order can be declared for the file', () => {
    const set = loadSet(text);
    expect(set.incidents).toEqual([]);
    expect(set.rejected[0]?.reason).toMatch(
      /ambiguous.*declare day\/month\/year or month\/day\/year for the whole file/,
    );
    expect(set.warnings).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/^2 dates are written with numbers/),
      }),
    );
  });

  it('load with a declared day/month/year order', () => {
    expect(loadSet(text, { dayOrder: 'dmy' }).incidents.map((i) => i.day)).toEqual([
      '2025-04-03',
      '2025-10-25',
    ]);
  });

  it('load with a declared month/day/year order, rejecting the impossible ones', () => {
    const set = loadSet(text, { dayOrder: 'mdy' });
    expect(set.incidents.map((i) => i.day)).toEqual(['2025-03-04']);
    expect(set.rejected[0]?.reason).toBe(
      'date "25/10/2025" is not a calendar date in month/day/year order',
    );
  });

  it('are rejected when impossible', () => {
    expect(loadSet(csvOf('a,2025-02-29,ied,70,34,x')).rejected[0]?.reason).toBe(
      'date "2025-02-29" is not a calendar date',
    );
  });
});

describe('Load warnings', () => {
  it('name a legacy crs member, which is kept with the collection', () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } };
    const set = loadSet(JSON.stringify(makeCollection([makeFeature()], { crs })));
    expect(set.collectionMembers).toEqual({ crs });
    expect(set.warnings[0]).toMatchObject({
      code: 'crs',
      message: expect.stringContaining('"urn:ogc:def:crs:EPSG::3857"'),
    });
  });

  it('say once, with count and indices, that coordinates look swapped', () => {
    const at = (lon: number, lat: number) =>
      makeFeature({}, { geometry: { type: 'Point', coordinates: [lon, lat] } });
    const set = loadSet(geojson(at(70, 34), at(34, 70), at(31.6, 65.7)));
    expect(set.warnings).toEqual([
      expect.objectContaining({
        code: 'swapped-coordinates',
        indices: [1, 2],
        message: expect.stringMatching(/^2 of 3 incidents \(#1, #2\)/),
      }),
    ]);
  });

  it('go away when the user swaps the whole file, which then says so', () => {
    const text = csvOf('a,2025-10-12,ied,34,70,x', 'b,2025-10-12,ied,31.6,65.7,y');
    const set = loadSet(text, { swapCoordinates: true });
    expect(set.incidents.map((i) => [i.lon, i.lat])).toEqual([
      [70, 34],
      [65.7, 31.6],
    ]);
    expect(set.incidents[0]?.feature.properties).toMatchObject({ longitude: '34', latitude: '70' });
    expect(set.warnings.map((w) => w.code)).toEqual(['other']);
    expect(set.warnings[0]?.message).toMatch(/swapped for the whole file, as asked/);
  });

  it('swap GeoJSON without changing the features as they came in', () => {
    const original = makeFeature(
      { id: 'a' },
      { geometry: { type: 'Point', coordinates: [34, 70, 900] } },
    );
    const set = loadSet(geojson(original), { swapCoordinates: true });
    expect(set.incidents[0]?.feature.geometry?.coordinates).toEqual([70, 34, 900]);
  });

  it('name points far outside Afghanistan and Pakistan', () => {
    const at = (lon: number, lat: number) =>
      makeFeature({}, { geometry: { type: 'Point', coordinates: [lon, lat] } });
    const set = loadSet(geojson(at(70, 34), at(-0.1, 51.5), at(79, 30)));
    expect(set.warnings).toEqual([
      expect.objectContaining({ code: 'outside-region', indices: [1] }),
    ]);
  });
});

describe('Hostile input', () => {
  const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

  it('keeps prototype-named CSV headers as own data through both exports', () => {
    const outcome = load(
      'date,type,__proto__,constructor,prototype\n2025-10-12,ied,{"polluted":1},c,p\n',
    );
    const properties = outcome.set.incidents[0]!.feature.properties;
    expect(PROTO_KEYS.filter((key) => Object.hasOwn(properties, key))).toEqual(PROTO_KEYS);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const exported = JSON.parse(
      serialiseGeoJsonExport(outcome.set.incidents, {
        filter: EMPTY_URL_FILTER,
        loaded: outcome.set.incidents,
        source: 'test',
      }),
    );
    expect(Object.keys(exported.features[0].properties)).toEqual(['date', 'type', ...PROTO_KEYS]);
    expect(exported.features[0].properties.__proto__).toBe('{"polluted":1}');
    expect(exportCsv(outcome.set.incidents, outcome.columns!)).toBe(
      'date,type,__proto__,constructor,prototype\r\n2025-10-12,ied,"{""polluted"":1}",c,p\r\n',
    );
  });

  it('keeps prototype-named GeoJSON properties as own data through both exports', () => {
    const text = geojson(makeFeature()).replace(
      '"date"',
      '"__proto__":{"polluted":true},"constructor":"c","prototype":[1],"date"',
    );
    const set = loadSet(text);
    const properties = set.incidents[0]!.feature.properties;
    expect(PROTO_KEYS.filter((key) => Object.hasOwn(properties, key))).toEqual(PROTO_KEYS);
    expect(exportCsv(set.incidents, null).split('\r\n').slice(0, 2)).toEqual([
      '__proto__,constructor,prototype,date,type,lon,lat',
      '"{""polluted"":true}",c,[1],2025-10-12,armed_clash,70.1,33.9',
    ]);
    expect(Object.hasOwn(structuredClone(properties), '__proto__')).toBe(true);
  });

  it('loads script and javascript: payloads as plain text', () => {
    const payloads = [
      '<img src=x onerror=alert(1)>',
      'javascript:alert(document.cookie)',
      '"><svg onload=alert(1)>',
    ];
    const set = loadSet(
      geojson(
        makeFeature({
          id: payloads[0],
          summary: payloads[1],
          source_urls: [payloads[1]],
          type: payloads[2],
        }),
      ),
    );
    expect(set.incidents[0]).toMatchObject({ key: payloads[0], type: payloads[2] });
    expect(set.incidents[0]?.feature.properties.summary).toBe(payloads[1]);
  });

  it('keeps very long strings whole', () => {
    const long = 'x'.repeat(1_000_000);
    const set = loadSet(csvOf(`a,2025-10-12,ied,70,34,${long}`));
    expect(set.incidents[0]?.feature.properties.note).toBe(long);
  });

  it('rejects a number that overflows to Infinity', () => {
    const text = geojson(makeFeature({ fatalities_max: 1 })).replace(
      '"fatalities_max":1',
      '"fatalities_max":1e400',
    );
    expect(loadSet(text).rejected[0]?.reason).toBe(
      'feature.properties.fatalities_max (Infinity) is not a finite number',
    );
  });
});

describe('Progress', () => {
  function track(input: string) {
    const calls: number[] = [];
    importIncidents(input, { onProgress: (fraction) => calls.push(fraction) });
    return calls;
  }

  it('is reported at most 100 times, rising to 1, for a large CSV', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `r${i},2025-10-12,ied,70,34,row ${i}`);
    const calls = track(csvOf(...rows));
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.length).toBeLessThanOrEqual(100);
    expect(calls).toEqual([...calls].sort((a, b) => a - b));
    expect(calls.at(-1)).toBe(1);
  });

  it('is reported at most 100 times, rising to 1, for a large GeoJSON file', () => {
    const features = Array.from({ length: 20_000 }, (_, i) => makeFeature({ id: `f${i}` }));
    const calls = track(geojson(...features));
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.length).toBeLessThanOrEqual(100);
    expect(calls.at(-1)).toBe(1);
  });
});

describe('Rejected features of a FeatureCollection', () => {
  it('keep their exact source text, whatever JSON.stringify would make of them', () => {
    const bad =
      '{ "type": "Feature", "geometry": null, "properties": { "date": "2025-02-30", "type": "ied", "n": 1.50 } }';
    const huge =
      '{"type":"Feature","geometry":null,"properties":{"date":"2025-10-12","type":"ied","n":1e400}}';
    const good =
      '{"type":"Feature","geometry":null,"properties":{"date":"2025-10-12","type":"ied"}}';
    const text = `{"type":"FeatureCollection","features":[${good},\n  ${bad} ,${huge}]}`;
    const outcome = importIncidents(text);
    if (outcome.status !== 'loaded') throw new Error('expected the file to load');
    expect(outcome.set.rejected.map((r) => r.raw)).toEqual([bad, huge]);
  });
});
