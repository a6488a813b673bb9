import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import {
  abbreviate,
  CLUSTER_ABOVE,
  CLUSTER_ID_BASE,
  CLUSTER_MAX_ZOOM,
  IncidentTiles,
  INCIDENT_TILE_LAYER,
  MAX_TILE_POINTS,
} from './incident-tiles';
import { buildSpatialOrder, mercatorX, mercatorY } from './spatial-order';

const TYPES = ['airstrike', 'armed_clash', 'ied'];

/** Incidents along the border: positions, a type and an approximate flag per row. */
function makeTiles(n: number, spot?: [number, number]) {
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const typeOf = new Uint16Array(n);
  const approx = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = spot ? spot[0] : 61 + ((i * 7919) % 13000) / 1000;
    lat[i] = spot ? spot[1] : 29.5 + ((i * 104729) % 7500) / 1000;
    typeOf[i] = i % TYPES.length;
    approx[i] = i % 5 === 0 ? 1 : 0;
  }
  const tiles = new IncidentTiles({
    order: buildSpatialOrder(lon, lat),
    typeOf,
    typeCodes: TYPES,
    approx,
  });
  return { tiles, lon, lat, typeOf, approx };
}

function include(n: number, keep: (row: number) => boolean) {
  const included = new Uint8Array(n).map((_, row) => (keep(row) ? 1 : 0));
  return { included, count: included.reduce((sum, v) => sum + v, 0) };
}

interface Decoded {
  id: number;
  lon: number;
  lat: number;
  properties: Record<string, number | string | boolean>;
}

/** Every tile at zoom z over the border area, decoded. */
function tilesAt(tiles: IncidentTiles, z: number): Decoded[] {
  const side = 2 ** z;
  const [x0, x1] = [Math.floor(mercatorX(55) * side), Math.floor(mercatorX(80) * side)];
  const [y0, y1] = [Math.floor(mercatorY(42) * side), Math.floor(mercatorY(25) * side)];
  const all: Decoded[] = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const tile = tiles.tile(z, x, y);
      const layer = tile.data.length
        ? new VectorTile(new PbfReader(tile.data)).layers[INCIDENT_TILE_LAYER]!
        : null;
      for (let i = 0; i < (layer?.length ?? 0); i++) {
        const feature = layer!.feature(i);
        const [lon, lat] = (feature.toGeoJSON(x, y, z).geometry as GeoJSON.Point).coordinates as [
          number,
          number,
        ];
        all.push({ id: feature.id!, lon, lat, properties: feature.properties });
      }
    }
  }
  return all;
}

function total(features: Decoded[]): number {
  return features.reduce((sum, f) => sum + (Number(f.properties.point_count) || 1), 0);
}

describe('Incident tiles', () => {
  it('add up to the included incidents at every zoom, clustered or not', () => {
    const n = 12_000;
    const { tiles } = makeTiles(n);
    for (const keep of [() => true, (row: number) => row % 4 === 1, (row: number) => row < 900]) {
      const { included, count } = include(n, keep);
      tiles.setIncluded(included, count);
      for (let z = 3; z <= 11; z++) expect(total(tilesAt(tiles, z))).toBe(count);
    }
  });

  it('cluster above CLUSTER_ABOVE incidents up to CLUSTER_MAX_ZOOM, and draw each alone past it', () => {
    const n = 12_000;
    const { tiles } = makeTiles(n);
    const { included, count } = include(n, () => true);
    tiles.setIncluded(included, count);
    const low = tilesAt(tiles, 5);
    expect(low.some((f) => f.properties.point_count !== undefined)).toBe(true);
    const high = tilesAt(tiles, CLUSTER_MAX_ZOOM + 1);
    expect(high.every((f) => f.properties.point_count === undefined)).toBe(true);
    expect(high.length).toBe(n);
  });

  it('never cluster a small set', () => {
    const { tiles } = makeTiles(CLUSTER_ABOVE);
    const { included, count } = include(CLUSTER_ABOVE, () => true);
    tiles.setIncluded(included, count);
    const features = tilesAt(tiles, 4);
    expect(features.length).toBe(CLUSTER_ABOVE);
    expect(features.every((f) => f.id < CLUSTER_ID_BASE)).toBe(true);
  });

  it('give each incident its row as id, its type, whether it is approximate, and its place', () => {
    const n = 500;
    const { tiles, lon, lat, typeOf, approx } = makeTiles(n);
    const { included, count } = include(n, () => true);
    tiles.setIncluded(included, count);
    const features = tilesAt(tiles, 12);
    expect(features.map((f) => f.id).sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
    for (const feature of features) {
      const row = feature.id;
      expect(feature.properties).toEqual({ type: TYPES[typeOf[row]!], approx: approx[row] });
      // Within a tile unit (4096 a tile side): ~10 m at zoom 12.
      expect(Math.abs(feature.lon - lon[row]!)).toBeLessThan(1e-4);
      expect(Math.abs(feature.lat - lat[row]!)).toBeLessThan(1e-4);
    }
  });

  it('keep a crowded tile clustered past CLUSTER_MAX_ZOOM', () => {
    const n = MAX_TILE_POINTS + 1;
    const { tiles } = makeTiles(n, [69.5, 33.4]);
    const { included, count } = include(n, () => true);
    tiles.setIncluded(included, count);
    const features = tilesAt(tiles, CLUSTER_MAX_ZOOM + 3);
    expect(features).toHaveLength(1);
    expect(features[0]!.properties.point_count).toBe(n);
    expect(features[0]!.properties.point_count_abbreviated).toBe('5k');
    expect(features[0]!.properties.west).toBe(69.5);
  });

  it('tag a tile by its content', () => {
    const n = 3_000;
    const { tiles } = makeTiles(n);
    const side = 2 ** 6;
    const [x, y] = [Math.floor(mercatorX(70) * side), Math.floor(mercatorY(33) * side)];
    tiles.setIncluded(include(n, () => true).included, n);
    const first = tiles.tile(6, x, y);
    expect(tiles.tile(6, x, y).etag).toBe(first.etag);
    const { included, count } = include(n, (row) => row % 2 === 0);
    tiles.setIncluded(included, count);
    expect(tiles.tile(6, x, y).etag).not.toBe(first.etag);
    tiles.setIncluded(new Uint8Array(n), 0);
    expect(tiles.tile(6, x, y).data.length).toBe(0);
  });

  it('abbreviate cluster counts as MapLibre does', () => {
    expect([abbreviate(999), abbreviate(1_250), abbreviate(12_345)]).toEqual([
      '999',
      '1.3k',
      '12k',
    ]);
  });
});
