import { describe, expect, it } from 'vitest';
import { makeCollection, makeFeature } from '../domain/test-factories';
import { selectTypeCounts } from './incident-store';
import { makeLoadedStore, makeStore } from './test-store';

const features = [
  makeFeature({ id: 'a', type: 'airstrike', date: '2025-10-09' }),
  makeFeature({ id: 'b', type: 'shelling', date: '2025-10-15' }),
  makeFeature({ id: 'c', type: 'airstrike', date: '2025-10-17' }, { geometry: null }),
];

describe('Incident store', () => {
  it('starts with every incident matching', async () => {
    const store = await makeLoadedStore(features);
    expect(store.getState().result).toMatchObject({ count: 3, total: 3, unlocated: 1 });
  });

  it('sends only located incidents to the map, with their row ids', async () => {
    const store = await makeLoadedStore(features);
    const map = store.getState().result!.map;
    expect([...map.rows]).toEqual([0, 1]);
    expect([...map.positions]).toEqual([70.1, 33.9, 70.1, 33.9]);
    expect(map.typeCodes[map.types[1]!]).toBe('shelling');
  });

  it('unticking a type filters it out and lists the remaining types', async () => {
    const store = await makeLoadedStore(features);
    store.getState().setTypeSelected('airstrike', false);
    await store.whenSettled();
    expect(store.getState().filter.types).toEqual(['shelling']);
    expect(store.getState().result?.count).toBe(1);
  });

  it('ticking every type again clears the type filter', async () => {
    const store = await makeLoadedStore(features);
    store.getState().setTypeSelected('airstrike', false);
    store.getState().setTypeSelected('airstrike', true);
    expect(store.getState().filter.types).toBeNull();
  });

  it('counts types within the date range and marks which are ticked', async () => {
    const store = await makeLoadedStore(features);
    store.getState().setDateRange('2025-10-10', null);
    store.getState().setTypeSelected('shelling', false);
    await store.whenSettled();
    expect(selectTypeCounts(store.getState())).toEqual([
      { code: 'airstrike', count: 1, selected: true },
      { code: 'shelling', count: 1, selected: false },
    ]);
  });

  it('reset clears every filter', async () => {
    const store = await makeLoadedStore(features);
    store.getState().setDateRange('2025-10-10', '2025-10-11');
    store.getState().setTypeSelected('shelling', false);
    store.getState().resetFilters();
    await store.whenSettled();
    expect(store.getState().result?.count).toBe(3);
  });

  it('keeps the shown data when a later file is neither GeoJSON nor CSV', async () => {
    const store = await makeLoadedStore(features, 'first.geojson');
    const loaded = await store
      .getState()
      .loadSource({ kind: 'text', text: 'not json', name: 'bad.txt' });
    expect(loaded).toBe(false);
    expect(store.getState().loadError).toMatch(/^bad\.txt: The file is neither GeoJSON nor CSV/);
    expect(store.getState().summary?.datasets.map((d) => d.name)).toEqual(['first.geojson']);
  });

  it('adds a second file beside the first and filters by dataset', async () => {
    const store = await makeLoadedStore(features, 'first.geojson');
    const second = JSON.stringify(makeCollection([makeFeature({ id: 'z', type: 'ied' })]));
    await store
      .getState()
      .loadSource({ kind: 'text', text: second, name: 'second.geojson' }, 'add');
    await store.whenSettled();
    expect(store.getState().result?.total).toBe(4);
    const [first] = store.getState().summary!.datasets;
    store.getState().setDatasetSelected(first!.id, false);
    await store.whenSettled();
    expect(store.getState().result?.count).toBe(1);
  });

  it('opens the selected incident in full, with its dataset', async () => {
    const store = await makeLoadedStore(features, 'mine.geojson');
    await store.getState().select(1);
    expect(store.getState().selected).toMatchObject({
      key: 'b',
      datasetName: 'mine.geojson',
      day: '2025-10-15',
    });
  });

  it('reports the rejected features of a file and returns them as they came in', async () => {
    const store = makeStore();
    const bad =
      '{"type":"Feature","geometry":null,"properties":{"date":"2025-02-30","type":"ied"}}';
    const text = `{"type":"FeatureCollection","features":[${JSON.stringify(makeFeature())},${bad}]}`;
    await store.getState().loadSource({ kind: 'text', text, name: 'mixed.geojson' });
    const [dataset] = store.getState().summary!.datasets;
    expect(dataset).toMatchObject({ loaded: 1, rejectedCount: 1 });
    expect(dataset!.rejected[0]).toMatchObject({
      index: 1,
      reason: 'date "2025-02-30" is not a calendar date',
    });
    const file = await store.getState().rejectedFile(dataset!.id);
    expect(file?.fileName).toBe('mixed-rejected.geojson');
    expect(JSON.parse(file!.text).features).toEqual([JSON.parse(bad)]);
  });
});
