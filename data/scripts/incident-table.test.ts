// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildIncidentCollection } from './build-incidents.mjs';
import { COLUMNS, IncidentTableError } from './incident-table.mjs';

type Row = Record<string, string>;
type Table = {
  name: string;
  period: { start: string; end: string };
  coverage: string;
  rows: Row[];
};

/** A valid research-table row; override cells to make it invalid. */
function makeRow(overrides: Row = {}): Row {
  return {
    id: '2025-10-01-test-row',
    date: '2025-10-01',
    time_local: '',
    date_precision: 'day',
    type: 'armed_clash',
    actors: 'Side A;Side B',
    country: 'PK',
    province: 'Khyber Pakhtunkhwa',
    district: 'Kurram',
    place: 'Test place',
    latitude: '33.8',
    longitude: '70.15',
    geo_precision: 'district',
    fatalities_min: '1',
    fatalities_max: '2',
    fatality_claims: '',
    injuries: '',
    summary: 'A test row.',
    source_urls: 'https://example.org/report',
    source_outlets: 'Example',
    ...overrides,
  };
}

/** A research table of `rows` covering autumn 2025; override its name or window. */
function makeTable(rows: Row[], overrides: Partial<Table> = {}): Table {
  return {
    name: 'test-table',
    period: { start: '2025-09-01', end: '2025-11-30' },
    coverage: 'Test coverage.',
    rows,
    ...overrides,
  };
}

/** The problems the build reports for `tables`, or [] when it builds. */
function problemsOf(tables: Table[], corrections: object[] = []): string[] {
  const withCsv = tables.map(({ rows, ...table }) => ({
    ...table,
    csvText: Papa.unparse(rows, { columns: COLUMNS }),
  }));
  try {
    buildIncidentCollection(withCsv, corrections);
  } catch (error) {
    if (error instanceof IncidentTableError)
      return (error as IncidentTableError & { problems: string[] }).problems;
    throw error;
  }
  return [];
}

const problemsOfRows = (rows: Row[]) => problemsOf([makeTable(rows)]);

describe('A research table row', () => {
  it('is accepted when valid', () => {
    expect(problemsOfRows([makeRow()])).toEqual([]);
  });

  it('is rejected with a date that is not on the calendar, naming the table, row id and column', () => {
    expect(problemsOfRows([makeRow({ date: '2025-02-30' })])).toEqual([
      'test-table row 1 (id "2025-10-01-test-row"), column date: "2025-02-30" is not a calendar date (YYYY-MM-DD)',
    ]);
  });

  it('is rejected with a date outside its table’s window', () => {
    const row = makeRow({ id: '2025-12-01-test-row', date: '2025-12-01' });
    expect(problemsOfRows([row])).toEqual([
      expect.stringMatching(/column date: 2025-12-01 is outside the table's window 2025-09-01/),
    ]);
  });

  it('is rejected when its id does not begin with its date', () => {
    expect(problemsOfRows([makeRow({ id: '2025-10-02-test-row' })])).toEqual([
      expect.stringMatching(/column id: "2025-10-02-test-row" does not begin with its date/),
    ]);
  });

  it('is rejected with a coordinate that is not a number', () => {
    expect(problemsOfRows([makeRow({ longitude: '70.1E' })])).toEqual([
      expect.stringMatching(/id "2025-10-01-test-row"\), column longitude: "70.1E"/),
    ]);
  });

  it('is rejected with a coordinate more precise than the 0.01° the estimates are rounded to', () => {
    expect(problemsOfRows([makeRow({ latitude: '33.812' })])).toEqual([
      expect.stringMatching(
        /column latitude: "33.812" is not a latitude in decimal degrees to 0.01°/,
      ),
    ]);
  });

  it('is rejected with a fatality count that is not a number', () => {
    expect(problemsOfRows([makeRow({ fatalities_max: '12+' })])).toEqual([
      expect.stringMatching(/column fatalities_max: "12\+" is not a whole number/),
    ]);
  });

  it('is rejected with a minimum toll above the maximum', () => {
    expect(problemsOfRows([makeRow({ fatalities_min: '9', fatalities_max: '3' })])).toEqual([
      expect.stringMatching(/column fatalities_min: 9 is greater than fatalities_max 3/),
    ]);
  });

  it('is rejected with a source that is not an http(s) URL', () => {
    const row = makeRow({
      source_urls: 'https://example.org/a;ftp://example.org/b',
      source_outlets: 'A;B',
    });
    expect(problemsOfRows([row])).toEqual([
      expect.stringMatching(/column source_urls: "ftp:\/\/example.org\/b" is not an http\(s\) URL/),
    ]);
  });

  it('is rejected when it cites no source', () => {
    expect(problemsOfRows([makeRow({ source_urls: '', source_outlets: '' })])).toEqual([
      expect.stringMatching(/column source_urls: the row cites no source/),
    ]);
  });

  it('is rejected when a source has no outlet named for it', () => {
    const row = makeRow({ source_urls: 'https://example.org/a;https://example.org/b' });
    expect(problemsOfRows([row])).toEqual([
      expect.stringMatching(/column source_outlets: names 1 outlet\(s\) for 2 source URL\(s\)/),
    ]);
  });

  it('is rejected with a located precision but no coordinates', () => {
    expect(problemsOfRows([makeRow({ latitude: '', longitude: '' })])).toEqual([
      expect.stringMatching(/column latitude: is blank but geo_precision "district"/),
    ]);
  });
});

describe('The merge of the research tables', () => {
  const winter = { start: '2025-12-01', end: '2026-11-30' };
  const winterRow = makeRow({ id: '2026-01-05-test-row', date: '2026-01-05' });

  it('keeps every row of every table, oldest table first', () => {
    const tables = [
      makeTable([makeRow()]),
      makeTable([winterRow], { name: 'next', period: winter }),
    ];
    const csv = tables.map(({ rows, ...table }) => ({
      ...table,
      csvText: Papa.unparse(rows, { columns: COLUMNS }),
    }));
    const collection = buildIncidentCollection(csv);
    expect(collection.features.map((feature: { id: string }) => feature.id)).toEqual([
      '2025-10-01-test-row',
      '2026-01-05-test-row',
    ]);
    expect(collection.metadata.tables.map((table: { rows: number }) => table.rows)).toEqual([1, 1]);
  });

  it('rejects an id repeated within a table', () => {
    expect(problemsOfRows([makeRow(), makeRow()])).toEqual([
      'test-table row 2 (id "2025-10-01-test-row"), column id: duplicate id (also in test-table)',
    ]);
  });

  it('rejects an id repeated in a later table, naming both tables', () => {
    const tables = [
      makeTable([makeRow()]),
      makeTable([makeRow()], { name: 'next', period: { start: '2025-10-01', end: '2025-10-31' } }),
    ];
    expect(problemsOf(tables)).toEqual([
      expect.stringMatching(/window starts before test-table's ends/),
      'next row 1 (id "2025-10-01-test-row"), column id: duplicate id (also in test-table)',
    ]);
  });

  it('reports every problem of every table at once', () => {
    const tables = [
      makeTable([makeRow({ date: 'soon' }), makeRow({ id: 'second', source_urls: '' })]),
      makeTable([{ ...winterRow, summary: '' }], { name: 'next', period: winter }),
    ];
    expect(problemsOf(tables)).toHaveLength(5);
  });
});

describe('A correction from the review notes', () => {
  const fix = {
    table: 'test-table',
    id: '2025-10-01-test-row',
    column: 'source_urls',
    from: 'https://example.org/report/WhatsApp:/send',
    to: 'https://example.org/report',
    reason: 'A share-link artefact.',
  };
  const shareLink = makeRow({ source_urls: fix.from });

  it('replaces the cell it names before the row is checked', () => {
    const csvText = Papa.unparse([shareLink], { columns: COLUMNS });
    const collection = buildIncidentCollection([{ ...makeTable([]), csvText }], [fix]);
    expect(collection.features[0].properties.source_urls).toEqual(['https://example.org/report']);
    expect(collection.metadata.corrections).toEqual([
      { table: 'test-table', id: fix.id, column: 'source_urls', reason: fix.reason },
    ]);
  });

  it('stops the build when the cell no longer holds what it corrects', () => {
    expect(problemsOf([makeTable([makeRow()])], [fix])).toEqual([
      expect.stringMatching(
        /correction of test-table id "2025-10-01-test-row", column source_urls: the cell is "https:\/\/example.org\/report"/,
      ),
    ]);
  });

  it('stops the build when it names a row, a column or a table that does not exist', () => {
    const corrections = [
      { ...fix, id: '2025-10-09-missing' },
      { ...fix, column: '__proto__' },
      { ...fix, table: 'no-such-table' },
    ];
    expect(problemsOf([makeTable([shareLink])], corrections)).toEqual([
      expect.stringMatching(/id "2025-10-09-missing", column source_urls: no such row/),
      expect.stringMatching(/column __proto__: no such column/),
      expect.stringMatching(/unknown table "no-such-table"/),
    ]);
  });
});
