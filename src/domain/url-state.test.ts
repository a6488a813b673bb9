import { describe, expect, it } from 'vitest';
import { parseUrlState, serialiseUrlState } from './url-state';

const BASE = 'http://127.0.0.1:5173/';

describe('URL state', () => {
  it('round-trips every parameter', () => {
    const state = {
      filter: { from: '2025-10-01', to: '2025-10-31', types: ['airstrike', 'kidnapping'] },
      data: 'https://example.org/incidents.geojson',
    };
    const search = serialiseUrlState(state, '');
    expect(search).toBe(
      '?from=2025-10-01&to=2025-10-31&types=airstrike,kidnapping&data=https://example.org/incidents.geojson',
    );
    expect(parseUrlState(search, BASE)).toEqual({ ...state, problems: [] });
  });

  it('keeps a data URL with its own query string intact', () => {
    const data = 'https://example.org/get?file=a.geojson&key=1';
    const search = serialiseUrlState({ filter: { from: null, to: null, types: null }, data }, '');
    expect(search).toBe('?data=https://example.org/get%3Ffile%3Da.geojson%26key%3D1');
    expect(parseUrlState(search, BASE).data).toBe(data);
  });

  it('reads absent parameters as the defaults', () => {
    expect(parseUrlState('', BASE)).toEqual({
      filter: { from: null, to: null, types: null },
      data: null,
      problems: [],
    });
  });

  it('reads an empty types parameter as no type selected', () => {
    expect(parseUrlState('?types=', BASE).filter.types).toEqual([]);
    expect(serialiseUrlState({ filter: { from: null, to: null, types: [] }, data: null }, '')).toBe(
      '?types=',
    );
  });

  it('keeps parameters it does not own', () => {
    expect(
      serialiseUrlState(
        { filter: { from: '2025-10-01', to: null, types: null }, data: null },
        '?lang=ps',
      ),
    ).toBe('?lang=ps&from=2025-10-01');
  });

  it('falls back to the default for an impossible date and says so', () => {
    const state = parseUrlState('?from=2025-02-30&to=2025-10-31', BASE);
    expect(state.filter).toEqual({ from: null, to: '2025-10-31', types: null });
    expect(state.problems).toEqual([
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
    expect(state.problems[0]).toMatch(/only http and https URLs can be loaded, not javascript:/);
    expect(parseUrlState('?data=file:///etc/passwd', BASE).data).toBeNull();
  });
});
