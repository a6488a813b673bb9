import { describe, expect, it } from 'vitest';
import {
  cleanViewName,
  MAX_VIEW_NAME,
  MAX_VIEWS_IN_FILE,
  readViewQuery,
  readViewsFile,
  VIEWS_FILE_FORMAT,
  ViewsFileError,
  writeViewQuery,
  writeViewsFile,
} from './saved-view';
import { makeViewEntry } from './test-factories';
import { EMPTY_URL_FILTER } from './url-state';
import { allInEnglish } from './test-words';

const NOW = new Date('2026-12-05T09:00:00.000Z');

/** A views file's text holding these entries, as written by hand or by another tool. */
function fileOf(views: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: VIEWS_FILE_FORMAT, version: 1, views, ...extra });
}

describe('A saved view query', () => {
  it('is the permalink of the filters, map view and open incident', () => {
    const query = writeViewQuery({
      filter: { ...EMPTY_URL_FILTER, side: 'PK', types: ['airstrike'] },
      view: { lat: 34.1, lon: 71.1, zoom: 8 },
      incident: 'kp-0042',
    });
    expect(query).toBe('?types=airstrike&side=PK&view=34.1000,71.1000,8.00&incident=kp-0042');
  });

  it('is empty for no filter, no view and no incident', () => {
    expect(writeViewQuery({ filter: EMPTY_URL_FILTER, view: null, incident: null })).toBe('');
  });

  it('reads back what it wrote, with no message', () => {
    const state = {
      filter: { ...EMPTY_URL_FILTER, actors: ['TTP, a faction'], borderKm: [0, 5] as const },
      view: { lat: 33.9, lon: 70.1, zoom: 7.5 },
      incident: 'a b&c',
    };
    const read = readViewQuery(writeViewQuery(state));
    expect(read.state).toEqual(state);
    expect(read.problems).toEqual([]);
    expect(read.query).toBe(writeViewQuery(state));
  });

  it('drops a bad filter value with the permalink parser’s message', () => {
    const read = readViewQuery('?from=2025-13-01&side=PK');
    expect(read.state.filter.from).toBeNull();
    expect(read.query).toBe('?side=PK');
    expect(allInEnglish(read.problems)).toEqual([
      'Ignored from=2025-13-01: not a calendar date in the form YYYY-MM-DD.',
    ]);
  });

  it('drops parameters that are not a filter, a view or an incident, naming each', () => {
    const read = readViewQuery('?side=AF&colour=red&data=https://example.org/x.geojson');
    expect(read.query).toBe('?side=AF');
    expect(allInEnglish(read.problems)).toEqual([
      'Ignored colour=red: not a filter, map view or incident parameter.',
      'Ignored data=https://example.org/x.geojson: a saved view keeps the filters, map view and ' +
        'open incident, not the data to load.',
    ]);
  });
});

describe('A view name', () => {
  it('is kept on one line, trimmed', () => {
    expect(cleanViewName('  Spin Boldak\n\tweek 2  ')).toBe('Spin Boldak week 2');
  });

  it('is cut at the longest name kept', () => {
    expect(cleanViewName('x'.repeat(500))).toHaveLength(MAX_VIEW_NAME);
  });
});

describe('The views file', () => {
  it('reads back every view it wrote', () => {
    const views = [makeViewEntry(), makeViewEntry({ name: 'Everything', query: '' })];
    const read = readViewsFile(writeViewsFile(views, NOW), NOW);
    expect(read).toEqual({ views, problems: [] });
  });

  it('names its format, version and export time', () => {
    const file = JSON.parse(writeViewsFile([makeViewEntry()], NOW));
    expect(file).toMatchObject({
      format: VIEWS_FILE_FORMAT,
      version: 1,
      exported: NOW.toISOString(),
    });
  });

  it.each([
    ['text that is not JSON', 'name,query\nx,y', /not a views file.*not JSON/],
    ['a GeoJSON file', '{"type":"FeatureCollection","features":[]}', /not a views file.*"format"/],
    ['a JSON list', '[]', /not a views file.*"format"/],
    ['a file with no views list', fileOf(undefined), /not a views file.*no "views" list/],
    ['a file with no version', fileOf([], { version: 'one' }), /not a views file.*"version"/],
  ])('refuses %s with a message that says what to choose', (_, text, message) => {
    expect(() => readViewsFile(text, NOW)).toThrow(ViewsFileError);
    expect(() => readViewsFile(text, NOW)).toThrow(message);
    expect(() => readViewsFile(text, NOW)).toThrow(/Export views/);
  });

  it('refuses a file from a newer version of the app, saying so', () => {
    expect(() => readViewsFile(fileOf([], { version: 2 }), NOW)).toThrow(
      /version 2, made by a newer version/,
    );
  });

  it('refuses a file too large to be a views file before parsing it', () => {
    expect(() => readViewsFile(' '.repeat(5_000_001), NOW)).toThrow(/5\.0 MB/);
  });

  it('drops bad and unknown filter values of each view, naming the view', () => {
    const read = readViewsFile(
      fileOf([makeViewEntry({ name: 'Mixed', query: '?side=XX&km=300-650&secret=1' })]),
      NOW,
    );
    expect(read.views.map((v) => v.query)).toEqual(['?km=300-650']);
    expect(allInEnglish(read.problems)).toEqual([
      'View 1 ("Mixed"): Ignored secret=1: not a filter, map view or incident parameter.',
      'View 1 ("Mixed"): Ignored side=XX: use AF or PK.',
    ]);
  });

  it('leaves out entries with no name or no query, keeping the others', () => {
    const read = readViewsFile(
      fileOf([makeViewEntry({ name: '  ' }), { name: 'No query' }, 'text', makeViewEntry()]),
      NOW,
    );
    expect(read.views.map((v) => v.name)).toEqual(['Torkham, October']);
    expect(allInEnglish(read.problems)).toEqual([
      'View 1 was left out: it has no name.',
      'View 2 ("No query") was left out: its "query" is not a text of at most 20000 characters.',
      'View 3 was left out: it is not an object with a name and a query.',
    ]);
  });

  it('drops __proto__ keys without touching any prototype', () => {
    const text =
      `{"format":"${VIEWS_FILE_FORMAT}","version":1,"__proto__":{"polluted":true},` +
      `"views":[{"name":"A","query":"?side=PK","__proto__":{"isAdmin":true}}]}`;
    const read = readViewsFile(text, NOW);
    expect(read.views).toEqual([{ name: 'A', query: '?side=PK', savedAt: NOW.toISOString() }]);
    expect(Object.hasOwn(read.views[0]!, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(allInEnglish(read.problems)).toEqual(['Ignored 2 "__proto__" key(s).']);
  });

  it('keeps a name with markup as plain text, on one line', () => {
    const read = readViewsFile(
      fileOf([makeViewEntry({ name: '<img src=x onerror=alert(1)>\n' })]),
      NOW,
    );
    expect(read.views[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('stamps a view whose savedAt is missing or not a date with the time of import', () => {
    const read = readViewsFile(fileOf([makeViewEntry({ savedAt: 'yesterday' })]), NOW);
    expect(read.views[0]!.savedAt).toBe(NOW.toISOString());
  });

  it('reads at most the first thousand views, saying how many there were', () => {
    const read = readViewsFile(fileOf(Array.from({ length: 1002 }, () => makeViewEntry())), NOW);
    expect(read.views).toHaveLength(MAX_VIEWS_IN_FILE);
    expect(allInEnglish(read.problems)).toEqual([
      'The file holds 1002 views: only the first 1000 were read.',
    ]);
  });

  it('reads a file that starts with a byte order mark', () => {
    const read = readViewsFile('\uFEFF' + fileOf([makeViewEntry()]), NOW);
    expect(read.views).toHaveLength(1);
  });
});
