import { describe, expect, it } from 'vitest';
import {
  buildSpatialOrder,
  latitudeOf,
  longitudeOf,
  mercatorX,
  mercatorY,
  mortonCode,
  tileRange,
} from './spatial-order';

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function makePositions(n: number, seed = 1) {
  const next = random(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Mostly around the border, a few anywhere, some unlocated.
    const wide = next() < 0.1;
    lon[i] = next() < 0.05 ? NaN : wide ? next() * 360 - 180 : 60 + next() * 15;
    lat[i] = wide ? next() * 170 - 85 : 29 + next() * 9;
  }
  return { lon, lat };
}

/** Whether the point lies in tile (z, x, y). */
function inTile(lon: number, lat: number, z: number, x: number, y: number): boolean {
  const side = 2 ** z;
  return Math.floor(mercatorX(lon) * side) === x && Math.floor(mercatorY(lat) * side) === y;
}

describe('Web Mercator', () => {
  it('maps longitudes and latitudes into [0, 1) and back', () => {
    for (const [lon, lat] of [
      [0, 0],
      [69.2, 34.5],
      [-122.4, 37.8],
      [179.9, -60],
    ] as const) {
      expect(longitudeOf(mercatorX(lon))).toBeCloseTo(lon, 9);
      expect(latitudeOf(mercatorY(lat))).toBeCloseTo(lat, 9);
    }
    expect(mercatorY(90)).toBeLessThan(1);
    expect(mercatorY(-90)).toBeLessThan(1);
    expect(mercatorY(89)).toBe(0);
  });
});

describe('The spatial order', () => {
  it('holds every located row once, in ascending Morton order', () => {
    const { lon, lat } = makePositions(5_000);
    const order = buildSpatialOrder(lon, lat);
    const located = [...lon.keys()].filter((row) => !Number.isNaN(lon[row]!));
    expect([...order.rows].sort((a, b) => a - b)).toEqual(located);
    for (let i = 1; i < order.codes.length; i++) {
      expect(order.codes[i]!).toBeGreaterThanOrEqual(order.codes[i - 1]!);
    }
  });

  it('keeps rows of one cell in load order', () => {
    const lon = Float64Array.from([70, 70, 70, 60]);
    const lat = Float64Array.from([33, 33, 33, 30]);
    const order = buildSpatialOrder(lon, lat);
    expect([...order.rows].filter((row) => row !== 3)).toEqual([0, 1, 2]);
  });

  it('interleaves x on the even bits and y on the odd ones', () => {
    expect(mortonCode(1, 0)).toBe(1);
    expect(mortonCode(0, 1)).toBe(2);
    expect(mortonCode(3, 3)).toBe(15);
    expect(mortonCode(0xffff, 0xffff)).toBe(2 ** 32 - 1);
  });

  it('finds exactly the rows inside any tile, at every zoom', () => {
    const { lon, lat } = makePositions(3_000, 7);
    const order = buildSpatialOrder(lon, lat);
    const next = random(3);
    for (let z = 0; z <= 16; z++) {
      for (let t = 0; t < 8; t++) {
        // A tile that holds a random point, and its neighbour to the east.
        const row = order.rows[Math.floor(next() * order.rows.length)]!;
        const side = 2 ** z;
        const x = Math.floor(mercatorX(lon[row]!) * side);
        const y = Math.floor(mercatorY(lat[row]!) * side);
        for (const tx of [x, Math.min(side - 1, x + 1)]) {
          const [start, end] = tileRange(order, z, tx, y);
          const found = [...order.rows.subarray(start, end)].sort((a, b) => a - b);
          const expected = [...order.rows]
            .filter((r) => inTile(lon[r]!, lat[r]!, z, tx, y))
            .sort((a, b) => a - b);
          expect(found).toEqual(expected);
        }
      }
    }
  });

  it('refuses a zoom it cannot resolve', () => {
    const order = buildSpatialOrder(new Float64Array(0), new Float64Array(0));
    expect(() => tileRange(order, 17, 0, 0)).toThrow('tile zoom 17 is outside 0–16');
    expect(tileRange(order, 3, 1, 1)).toEqual([0, 0]);
  });
});
