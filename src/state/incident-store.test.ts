import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INCIDENT_TILE_LAYER } from '../domain/map-tiles/incident-tiles';
import { mercatorX, mercatorY } from '../domain/map-tiles/spatial-order';
import { makeCollection, makeFeature } from '../domain/test-factories';
import type { IncidentStore } from './incident-store';
import { selectTypeCounts } from './incident-store';
import { makeLoadedStore, makeStore, serveDataFiles } from './test-store';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Row ids and types in the map tile at zoom 10 that holds (70.1, 33.9), the factory's place. */
async function drawnRows(store: IncidentStore) {
  const [x, y] = [Math.floor(mercatorX(70.1) * 1024), Math.floor(mercatorY(33.9) * 1024)];
  const { data } = await store.getState().loadTile(10, x, y);
  if (data.byteLength === 0) return [];
  const layer = new VectorTile(new PbfReader(new Uint8Array(data))).layers[INCIDENT_TILE_LAYER]!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i)).map((f) => [
    f.id,
    f.properties.type,
  ]);
}

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

  it('draws only located incidents on the map, with their row ids', async () => {
    const store = await makeLoadedStore(features);
    expect(await drawnRows(store)).toEqual([
      [0, 'airstrike'],
      [1, 'shelling'],
    ]);
  });

  it('draws the latest answer on the map', async () => {
    const store = await makeLoadedStore(features);
    store.getState().setTypeSelected('airstrike', false);
    await store.whenSettled();
    expect(await drawnRows(store)).toEqual([[1, 'shelling']]);
  });

  it('counts incidents per province only while the choropleth asks for them', async () => {
    const urls = serveDataFiles();
    const store = await makeLoadedStore(features);
    await store.getState().loadGeography(urls);
    await store.whenSettled();
    expect(store.getState().result?.provinceCounts).toEqual([]);
    store.getState().setProvinceCountsWanted(true);
    await store.whenSettled();
    const counts = store.getState().result!.provinceCounts;
    // The two located incidents are at the factory's place, in Khyber Pakhtunkhwa.
    expect(counts.find((p) => p.id === 'PK-KP')?.count).toBe(2);
  });

  it('asks for the border strip only while it is open', async () => {
    const urls = serveDataFiles();
    const store = await makeLoadedStore(features);
    await store.getState().loadGeography(urls);
    await store.whenSettled();
    expect(store.getState().strip).toBeNull();
    store.getState().setStripOpen(true);
    await store.whenSettled();
    expect(store.getState().strip?.rows.length).toBe(2);
    store.getState().setStripOpen(false);
    expect(store.getState().strip).toBeNull();
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
    expect(JSON.parse(await file!.blob.text()).features).toEqual([JSON.parse(bad)]);
  });
});
