import { describe, expect, it } from 'vitest';
import { EMPTY_URL_FILTER, OPEN_KM, parseUrlState, serialiseUrlState } from './url-state';
import { allInEnglish, inEnglish } from './test-words';

const BASE = 'http://127.0.0.1:5173/';
const NO_FILTER = EMPTY_URL_FILTER;
const state = (
  filter: Partial<typeof NO_FILTER> | Record<string, unknown>,
  data: string | null = null,
) => ({
  filter: { ...NO_FILTER, ...filter } as typeof NO_FILTER,
  data,
  package: null as string | null,
  view: null,
  incident: null,
});

describe('URL state', () => {
  it('round-trips the date, type and data parameters', () => {
    const original = state(
      { from: '2025-10-01', to: '2025-10-31', types: ['airstrike', 'kidnapping'] },
      'https://example.org/incidents.geojson',
    );
    const search = serialiseUrlState(original, '');
    expect(search).toBe(
      '?from=2025-10-01&to=2025-10-31&types=airstrike,kidnapping&data=https://example.org/incidents.geojson',
    );
    expect(parseUrlState(search, BASE)).toEqual({ ...original, problems: [] });
  });

  it('round-trips every filter, the map view and the open incident', () => {
    const original = {
      ...state({
        actors: ['Pakistan Army', 'TTP, Jamaat-ul-Ahrar faction'],
        countries: ['AF', 'PK'],
        minFatalities: 5,
        precisions: ['place', 'district'],
        text: 'spin boldak & gate',
        side: 'PK',
        borderKm: [0, 5],
        chainageKm: [620.5, 900],
        crossing: { id: 'torkham', km: 10 },
        province: 'PK-KP',
      }),
      view: { lat: 33.9, lon: 70.1, zoom: 7.5 },
      incident: '2025-10-15-spin-boldak',
    };
    const parsed = parseUrlState(serialiseUrlState(original, ''), BASE);
    expect(parsed).toEqual({ ...original, problems: [] });
  });

  it('writes an open distance band as from- and reads it back open', () => {
    const search = serialiseUrlState(state({ borderKm: [50, OPEN_KM] }), '');
    expect(search).toBe('?distance=50-');
    expect(parseUrlState(search, BASE).filter.borderKm).toEqual([50, OPEN_KM]);
  });

  it('falls back from a bad view, precision or minimum fatalities and says so', () => {
    const parsed = parseUrlState('?view=95,70,7&precision=exact&minFatalities=-3', BASE);
    expect(parsed.view).toBeNull();
    expect(parsed.filter.precisions).toBeNull();
    expect(parsed.filter.minFatalities).toBeNull();
    expect(parsed.problems).toHaveLength(3);
  });

  it('keeps a data URL with its own query string intact', () => {
    const data = 'https://example.org/get?file=a.geojson&key=1';
    const search = serialiseUrlState(state({}, data), '');
    expect(search).toBe('?data=https://example.org/get%3Ffile%3Da.geojson%26key%3D1');
    expect(parseUrlState(search, BASE).data).toBe(data);
  });

  it('reads absent parameters as the defaults', () => {
    expect(parseUrlState('', BASE)).toEqual({ ...state({}), problems: [] });
  });

  it('reads an empty types parameter as no type selected', () => {
    expect(parseUrlState('?types=', BASE).filter.types).toEqual([]);
    expect(serialiseUrlState(state({ types: [] }), '')).toBe('?types=');
  });

  it('keeps parameters it does not own', () => {
    expect(serialiseUrlState(state({ from: '2025-10-01' }), '?lang=ps')).toBe(
      '?lang=ps&from=2025-10-01',
    );
  });

  it('falls back to the default for an impossible date and says so', () => {
    const state = parseUrlState('?from=2025-02-30&to=2025-10-31', BASE);
    expect(state.filter).toEqual({ ...NO_FILTER, to: '2025-10-31' });
    expect(allInEnglish(state.problems)).toEqual([
      'Ignored from=2025-02-30: not a calendar date in the form YYYY-MM-DD.',
    ]);
  });

  it('drops a range that ends before it starts', () => {
    const state = parseUrlState('?from=2025-11-01&to=2025-10-01', BASE);
    expect(state.filter).toMatchObject({ from: null, to: null });
    expect(state.problems).toHaveLength(1);
  });

  it('accepts a path relative to the app as data', () => {
    expect(parseUrlState('?data=data/other.geojson', BASE)).toMatchObject({
      data: 'data/other.geojson',
      problems: [],
    });
  });

  it('refuses a data URL that is not http or https', () => {
    const state = parseUrlState('?data=javascript:alert(1)', BASE);
    expect(state.data).toBeNull();
    expect(inEnglish(state.problems[0]!)).toMatch(
      /only http and https URLs can be loaded, not javascript:/,
    );
    expect(parseUrlState('?data=file:///etc/passwd', BASE).data).toBeNull();
  });

  it('refuses a number of km too large to write back, Infinity included, and says so', () => {
    const huge = '9'.repeat(400);
    const state = parseUrlState(
      `?crossing=torkham:${huge}&distance=0-${huge}&km=1${'0'.repeat(25)}-`,
      BASE,
    );
    expect(state.filter).toEqual(NO_FILTER);
    expect(allInEnglish(state.problems).map((problem) => problem.split('=')[0])).toEqual([
      'Ignored distance',
      'Ignored km',
      'Ignored crossing',
    ]);
    for (const problem of allInEnglish(state.problems))
      expect(problem).toMatch(/: km must be finite numbers up to 100,000\.$/);
  });

  it('keeps the largest distance a link can carry, 100,000 km', () => {
    expect(parseUrlState('?crossing=torkham:100000', BASE).filter.crossing).toEqual({
      id: 'torkham',
      km: 100_000,
    });
  });

  it('round-trips a package manifest URL', () => {
    const original = { ...state({}), package: 'https://example.org/pkg/manifest.json' };
    const search = serialiseUrlState(original, '');
    expect(search).toBe('?package=https://example.org/pkg/manifest.json');
    expect(parseUrlState(search, BASE)).toEqual({ ...original, problems: [] });
  });

  it('opens a package instead of the data when a link names both, and says so', () => {
    const parsed = parseUrlState('?data=a.geojson&package=pkg/manifest.json', BASE);
    expect(parsed).toMatchObject({ data: null, package: 'pkg/manifest.json' });
    expect(allInEnglish(parsed.problems)).toEqual([
      'Ignored data=a.geojson: the link opens the package pkg/manifest.json instead.',
    ]);
  });

  it('refuses a package URL that is not http or https', () => {
    const parsed = parseUrlState('?package=javascript:alert(1)', BASE);
    expect(parsed.package).toBeNull();
    expect(inEnglish(parsed.problems[0]!)).toMatch(
      /^Ignored package=javascript:alert\(1\): only http and https/,
    );
  });
});
