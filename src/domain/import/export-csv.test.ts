import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadIncidents, makeFeature } from '../test-factories';
import { exportCsv, exportCsvChunks, startsLikeFormula } from './export-csv';
import { importIncidents } from './import-incidents';

function loadCsv(text: string) {
  const outcome = importIncidents(text);
  if (outcome.status !== 'loaded') throw new Error(outcome.reason);
  return { incidents: outcome.set.incidents, columns: outcome.columns! };
}

describe('Exporting incidents that came from CSV', () => {
  const text =
    'date,type,note,note,lat,lon\r\n' +
    '2025-10-12,ied,"one, ""two""\nthree",second,34.0,70.10\r\n' +
    '2025-10-13,airstrike, spaced ,,,\r\n' +
    '2025-10-14,shelling,=1+1,x,33.5,69.5\r\n';

  it('writes the original header, repeated names included, and each value exactly as read', () => {
    const { incidents, columns } = loadCsv(text);
    expect(Papa.parse(exportCsv(incidents, columns), { skipEmptyLines: true }).data).toEqual(
      Papa.parse(text, { skipEmptyLines: true }).data,
    );
  });

  it('writes only the rows it is given, in load order', () => {
    const { incidents, columns } = loadCsv(text);
    const exported = exportCsv([incidents[2]!, incidents[0]!], columns);
    expect(exported.split('\r\n')[1]).toBe(
      '2025-10-12,ied,"one, ""two""\nthree",second,34.0,70.10',
    );
    expect(exported.split('\r\n')[2]).toBe('2025-10-14,shelling,=1+1,x,33.5,69.5');
  });

  it('keeps a value that a spreadsheet may take for a formula as it is', () => {
    const { incidents, columns } = loadCsv(text);
    expect(exportCsv(incidents, columns)).toContain('\r\n2025-10-14,shelling,=1+1,');
  });

  it('writes the header alone when no incident matches', () => {
    expect(exportCsv([], ['date', 'type'])).toBe('date,type\r\n');
  });
});

describe('Exporting incidents that came from GeoJSON', () => {
  it('flattens properties, first seen first, and adds lon and lat', () => {
    const incidents = loadIncidents([
      makeFeature({ place: 'Chaman', actors: ['a', 'b'], claim: { min: 1, max: 3 } }),
      makeFeature({ extra: true, fatalities: 2, place: null }, { geometry: null, id: 'k-2' }),
    ]);
    expect(exportCsv(incidents, null).split('\r\n')).toEqual([
      'id,date,type,place,actors,claim,extra,fatalities,lon,lat',
      ',2025-10-12,armed_clash,Chaman,"[""a"",""b""]","{""min"":1,""max"":3}",,,70.1,33.9',
      'k-2,2025-10-12,armed_clash,,,,true,2,,',
      '',
    ]);
  });

  it('adds an altitude column only when a point has one', () => {
    const incidents = loadIncidents([
      makeFeature({}, { geometry: { type: 'Point', coordinates: [70, 34, 1250] } }),
    ]);
    expect(exportCsv(incidents, null).split('\r\n')[0]).toBe('date,type,lon,lat,alt');
  });

  it('renames the geometry and id columns when properties already use those names', () => {
    const incidents = loadIncidents([makeFeature({ id: 'p', lon: 'x', lat: 'y' }, { id: 'f' })]);
    expect(exportCsv(incidents, null).split('\r\n').slice(0, 2)).toEqual([
      'feature_id,date,type,id,lon,lat,geometry_lon,geometry_lat',
      'f,2025-10-12,armed_clash,p,x,y,70.1,33.9',
    ]);
  });
});

describe('Exporting many rows', () => {
  it('writes them in pieces that join into the text of one table', () => {
    const features = Array.from({ length: 12_345 }, (_, i) =>
      makeFeature({ id: `r${i}`, note: i % 7 === 0 ? 'a, "quoted"\nline' : `n${i}` }),
    );
    const incidents = loadIncidents(features);
    const chunks = [...exportCsvChunks(incidents, null)];
    expect(chunks.length).toBeGreaterThan(2);
    const table = Papa.parse<string[]>(chunks.join(''), { skipEmptyLines: true }).data;
    expect(table).toHaveLength(12_346);
    expect(table[1]![3]).toBe('a, "quoted"\nline');
    expect(chunks.join('')).toBe(
      Papa.unparse({ fields: table[0]!, data: table.slice(1) }, { newline: '\r\n' }) + '\r\n',
    );
  });
});

describe('A cell a spreadsheet may take for a formula', () => {
  it.each([
    '=1+1',
    '+cmd|x',
    '@SUM(A1)',
    '\tx',
    '\rx',
    '-cmd',
    '-',
    '-3.5 ',
    '- 3',
    '-1,5',
    '=\nx',
  ])('%j starts like one', (cell) => expect(startsLikeFormula(cell)).toBe(true));

  it.each(['', 'Torkham', '3.5', '-3.5', '-0.25', '-12', '-1e5', '-2.5E-3', '-.5', 'a=b', ' =x'])(
    '%j does not',
    (cell) => expect(startsLikeFormula(cell)).toBe(false),
  );
});

describe('A spreadsheet-safe CSV export', () => {
  const text =
    'date,type,=note,lon,lat\r\n' +
    '2025-10-12,ied,"=HYPERLINK(""http://x"",""y"")",70.10,34.0\r\n' +
    "2025-10-13,shelling,+cmd|' /C calc'!A0,-3.5,33.5\r\n" +
    '2025-10-14,other,@SUM(1+1),70.2,-12\r\n';

  it('puts a quote before such cells, header included, and keeps negative numbers numbers', () => {
    const { incidents, columns } = loadCsv(text);
    expect(exportCsv(incidents, columns, { spreadsheetSafe: true }).split('\r\n')).toEqual([
      `date,type,"'=note",lon,lat`,
      `2025-10-12,ied,"'=HYPERLINK(""http://x"",""y"")",70.10,34.0`,
      `2025-10-13,shelling,"'+cmd|' /C calc'!A0",-3.5,33.5`,
      `2025-10-14,other,"'@SUM(1+1)",70.2,-12`,
      '',
    ]);
  });

  it('defuses a formula cell holding a line break too', () => {
    const incidents = loadIncidents([makeFeature({ note: '=1+1\n2' })]);
    expect(exportCsv(incidents, null, { spreadsheetSafe: true })).toContain(`"'=1+1\n2"`);
  });

  it('counts such cells, header included, whether it defuses them or not', () => {
    const { incidents, columns } = loadCsv(text);
    const asRead = { formulaCells: 0 };
    expect(exportCsv(incidents, columns, { tally: asRead })).toBe(text);
    const safe = { formulaCells: 0 };
    exportCsv(incidents, columns, { spreadsheetSafe: true, tally: safe });
    expect([asRead.formulaCells, safe.formulaCells]).toEqual([4, 4]);
  });

  it('is read back with the quote kept in each defused cell', () => {
    const { incidents, columns } = loadCsv(text);
    const again = loadCsv(exportCsv(incidents, columns, { spreadsheetSafe: true }));
    expect(again.columns[2]).toBe("'=note");
    expect(again.incidents[0]!.feature.properties["'=note"]).toBe(`'=HYPERLINK("http://x","y")`);
  });
});
