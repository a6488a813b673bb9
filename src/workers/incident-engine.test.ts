// @vitest-environment node
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { INCIDENT_TILE_LAYER } from '../domain/map-tiles/incident-tiles';
import { makeCollection, makeFeature } from '../domain/test-factories';
import type { EngineFilter } from './engine-protocol';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';
import { IncidentEngine } from './incident-engine';

const ALL = EMPTY_ENGINE_FILTER;

const features = [
  makeFeature({
    id: 'a',
    date: '2025-10-09',
    type: 'airstrike',
    actors: ['Pakistan Air Force'],
    country: ['AF'],
    fatalities_min: 0,
    fatalities_max: 10,
    geo_precision: 'place',
    place: 'Kabul',
    summary: 'Strike in the capital',
  }),
  makeFeature({
    id: 'b',
    date: '2025-10-12',
    type: 'cross_border_attack',
    actors: ['Afghan Taliban', 'Pakistan Army'],
    country: ['PK'],
    fatalities_max: 23,
    geo_precision: 'district',
    place: 'Kurram',
  }),
  makeFeature(
    {
      id: 'c',
      date: '2025-10-15',
      type: 'shelling',
      actors: ['Pakistan Army'],
      country: ['AF'],
      geo_precision: 'place',
      place: 'Spin Boldak',
      summary: 'Shelling near the Friendship Gate',
    },
    { geometry: null },
  ),
  makeFeature({
    id: 'd',
    date: '2025-10-17',
    type: 'airstrike',
    actors: ['Pakistan Air Force'],
    country: ['AF'],
    fatalities_max: 17,
    geo_precision: 'province',
    place: 'Paktika',
  }),
];

function loadedEngine() {
  const engine = new IncidentEngine();
  const reply = engine.load(JSON.stringify(makeCollection(features)), {
    datasetId: 'd1',
    source: { kind: 'text', text: '', name: 'test.geojson' },
    mode: 'replace',
    options: {},
  });
  if (reply.status !== 'loaded') throw new Error('fixture did not load');
  return engine;
}

const keys = (engine: IncidentEngine, filter: EngineFilter) =>
  engine.list(filter, { key: 'date', direction: 'asc' }, 0, 100).rows.map((row) => row.row);

describe('The incident engine', () => {
  it('filters by actor, country, fatalities, precision and text', () => {
    const engine = loadedEngine();
    expect(keys(engine, { ...ALL, actors: ['Pakistan Army'] })).toEqual([1, 2]);
    expect(keys(engine, { ...ALL, countries: ['PK'] })).toEqual([1]);
    expect(keys(engine, { ...ALL, minFatalities: 15 })).toEqual([1, 3]);
    expect(keys(engine, { ...ALL, precisions: ['place'] })).toEqual([0, 2]);
    expect(keys(engine, { ...ALL, text: 'friendship GATE' })).toEqual([2]);
    expect(keys(engine, { ...ALL, text: 'kabul capital', types: ['airstrike'] })).toEqual([0]);
  });

  it('counts each type under the other filters, whatever types are ticked', () => {
    const engine = loadedEngine();
    const reply = engine.query({ ...ALL, countries: ['AF'], types: ['shelling'] });
    expect(reply.count).toBe(1);
    expect(reply.unlocated).toBe(1);
    expect(Object.fromEntries(reply.typeCounts.map((t) => [t.code, t.count]))).toEqual({
      airstrike: 2,
      cross_border_attack: 0,
      shelling: 1,
    });
  });

  it('gives the same answer through the index as through a scan of the rows', () => {
    const engine = loadedEngine();
    // Ticking every precision keeps every row but takes the scanning path.
    const everyPrecision = ['place', 'district', 'province', 'other', 'unknown'];
    for (const filter of [
      ALL,
      { ...ALL, from: '2025-10-10', types: ['airstrike', 'shelling'] },
      { ...ALL, to: '2025-10-12', datasets: ['d1'] },
      { ...ALL, types: [] },
    ]) {
      const viaIndex = engine.query(filter);
      const viaScan = engine.query({ ...filter, precisions: everyPrecision });
      expect(viaScan).toEqual(viaIndex);
    }
  });

  it('spans the whole extent in the timeline, stacked by type, under every filter but the dates', () => {
    const engine = loadedEngine();
    for (const filter of [
      { ...ALL, from: '2025-10-12', to: '2025-10-12' },
      { ...ALL, from: '2025-10-12', to: '2025-10-12', text: 'pakistan' },
    ]) {
      const { timeline } = engine.query(filter);
      expect(timeline.days).toBe(9);
      const airstrike = timeline.typeCodes.indexOf('airstrike');
      const row = Array.from(
        timeline.byType.subarray(airstrike * timeline.days, (airstrike + 1) * timeline.days),
      );
      expect(row).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1]);
    }
  });

  it('sorts the list by date or fatalities, unknown fatalities last', () => {
    const engine = loadedEngine();
    const order = (key: 'date' | 'fatalities', direction: 'asc' | 'desc') =>
      engine.list(ALL, { key, direction }, 0, 10).rows.map((row) => row.row);
    expect(order('date', 'desc')).toEqual([3, 2, 1, 0]);
    expect(order('fatalities', 'desc')).toEqual([1, 3, 0, 2]);
    expect(order('fatalities', 'asc')).toEqual([0, 3, 1, 2]);
    expect(
      engine.list(ALL, { key: 'date', direction: 'asc' }, 1, 2).rows.map((row) => row.row),
    ).toEqual([1, 2]);
  });

  it('describes list rows with place, fatalities and dataset', () => {
    const engine = loadedEngine();
    const [row] = engine.list(
      { ...ALL, types: ['airstrike'] },
      { key: 'date', direction: 'asc' },
      0,
      1,
    ).rows;
    expect(row).toEqual({
      row: 0,
      day: '2025-10-09',
      type: 'airstrike',
      place: 'Kabul',
      fatalities: '0–10',
      summary: 'Strike in the capital',
      dataset: 'test.geojson',
    });
  });

  it('finds where a row stands in the list, or -1 when filtered out', () => {
    const engine = loadedEngine();
    const sort = { key: 'date', direction: 'desc' } as const;
    expect(engine.listPosition(ALL, sort, 0)).toBe(3);
    expect(engine.listPosition({ ...ALL, types: ['shelling'] }, sort, 0)).toBe(-1);
  });

  it('drops a removed dataset and keeps the others', () => {
    const engine = loadedEngine();
    engine.load(JSON.stringify(makeCollection([makeFeature({ id: 'e' })])), {
      datasetId: 'd2',
      source: { kind: 'text', text: '', name: 'more.geojson' },
      mode: 'add',
      options: {},
    });
    const summary = engine.remove('d1');
    expect(summary.datasets.map((d) => d.name)).toEqual(['more.geojson']);
    expect(engine.query(ALL).count).toBe(1);
  });

  it('offers the actors, countries and precisions present, most frequent first', () => {
    const facets = loadedEngine().facetSummary();
    expect(facets.actors.slice(0, 2)).toEqual([
      { name: 'Pakistan Air Force', count: 2 },
      { name: 'Pakistan Army', count: 2 },
    ]);
    expect(facets.countries).toEqual([
      { name: 'AF', count: 3 },
      { name: 'PK', count: 1 },
    ]);
    expect(facets.precisions.map((p) => p.name).sort()).toEqual(['district', 'place', 'province']);
  });
});

describe('Map tiles', () => {
  /** Row ids in the zoom-0 tile, which holds the whole world. */
  const drawn = (engine: IncidentEngine) => {
    const { data } = engine.tile(0, 0, 0);
    if (data.byteLength === 0) return [];
    const layer = new VectorTile(new PbfReader(new Uint8Array(data))).layers[INCIDENT_TILE_LAYER]!;
    return Array.from({ length: layer.length }, (_, i) => layer.feature(i).id!).sort(
      (a, b) => a - b,
    );
  };

  it('show every located incident before any query', () => {
    // Row 2 has no coordinates.
    expect(drawn(loadedEngine())).toEqual([0, 1, 3]);
  });

  it('show the incidents of the latest query, whatever was asked in between', () => {
    const engine = loadedEngine();
    engine.query({ ...ALL, types: ['airstrike'] });
    // The list and the strip ask with other filters; the map keeps the query's.
    engine.list({ ...ALL, types: ['shelling'] }, { key: 'date', direction: 'asc' }, 0, 10);
    expect(drawn(engine)).toEqual([0, 3]);
    engine.query({ ...ALL, text: 'capital' });
    expect(drawn(engine)).toEqual([0]);
  });

  it('are empty where nothing is drawn, with a tag that says so', () => {
    const engine = loadedEngine();
    engine.query({ ...ALL, types: [] });
    const tile = engine.tile(0, 0, 0);
    expect(tile.data.byteLength).toBe(0);
    expect(engine.tile(0, 0, 0).etag).toBe(tile.etag);
  });
});

describe('Describing rows', () => {
  it('describes the incidents under a click by row id, skipping unknown ids', () => {
    const engine = loadedEngine();
    expect(engine.describe([2, 0, 99]).map((row) => [row.row, row.day, row.place])).toEqual([
      [2, '2025-10-15', 'Spin Boldak'],
      [0, '2025-10-09', 'Kabul'],
    ]);
  });
});
