import { describe, expect, it } from 'vitest';
import { makeFeature } from '../domain/test-factories';
import { selectMatching, selectTypeCounts } from './incident-store';
import { makeLoadedStore } from './test-store';

const features = [
  makeFeature({ id: 'a', type: 'airstrike', date: '2025-10-09' }),
  makeFeature({ id: 'b', type: 'shelling', date: '2025-10-15' }),
  makeFeature({ id: 'c', type: 'airstrike', date: '2025-10-17' }),
];

describe('Incident store', () => {
  it('starts with every incident matching', () => {
    const store = makeLoadedStore(features);
    expect(selectMatching(store.getState())).toHaveLength(3);
  });

  it('unticking a type filters it out and lists the remaining types', () => {
    const store = makeLoadedStore(features);
    store.getState().setTypeSelected('airstrike', false);
    expect(store.getState().filter.types).toEqual(['shelling']);
    expect(selectMatching(store.getState()).map((i) => i.key)).toEqual(['b']);
  });

  it('ticking every type again clears the type filter', () => {
    const store = makeLoadedStore(features);
    store.getState().setTypeSelected('airstrike', false);
    store.getState().setTypeSelected('airstrike', true);
    expect(store.getState().filter.types).toBeNull();
  });

  it('counts types within the date range and marks which are ticked', () => {
    const store = makeLoadedStore(features);
    store.getState().setDateRange('2025-10-10', null);
    store.getState().setTypeSelected('shelling', false);
    expect(selectTypeCounts(store.getState())).toEqual([
      { code: 'airstrike', count: 1, selected: true },
      { code: 'shelling', count: 1, selected: false },
    ]);
  });

  it('reset clears every filter', () => {
    const store = makeLoadedStore(features);
    store.getState().setDateRange('2025-10-10', '2025-10-11');
    store.getState().setTypeSelected('shelling', false);
    store.getState().resetFilters();
    expect(selectMatching(store.getState())).toHaveLength(3);
  });

  it('keeps the shown dataset when a later load fails', () => {
    const store = makeLoadedStore(features);
    store.getState().startLoading();
    store.getState().failLoading('The file is not valid JSON.');
    expect(store.getState().dataset?.incidents).toHaveLength(3);
    expect(store.getState().loadError).toBe('The file is not valid JSON.');
  });
});
