import { describe, expect, it } from 'vitest';
import { buildSpatialOrder } from '../map-tiles/spatial-order';
import { KM_BANDS, kmBandOf } from './km-bands';
import { chooseRawMinZoom, densestTile, tileRuns } from './package-tiles';

describe('kmBandOf', () => {
  it('puts a distance in the band of the highest lower edge it reaches', () => {
    expect(kmBandOf(0)).toBe(0);
    expect(kmBandOf(0.99)).toBe(0);
    expect(kmBandOf(1)).toBe(1);
    expect(kmBandOf(4999)).toBe(KM_BANDS.length - 1);
    expect(kmBandOf(NaN)).toBe(-1);
  });
});

describe('tileRuns', () => {
  // Two points near Torkham, one near Quetta.
  const order = buildSpatialOrder(
    Float64Array.from([71.1, 71.11, 67.0]),
    Float64Array.from([34.1, 34.11, 30.2]),
  );

  it('gives each tile holding points one run, the runs covering every point once', () => {
    expect([...tileRuns(order, 0)]).toEqual([{ x: 0, y: 0, start: 0, end: 3 }]);
    const runs = [...tileRuns(order, 8)];
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.end - r.start).sort()).toEqual([1, 2]);
  });

  it('raises the raw zoom until no tile holds more than the points allowed', () => {
    expect(densestTile(order, 3)).toBe(3);
    expect(densestTile(order, 4)).toBe(2);
    expect(chooseRawMinZoom(order, 3, 0, 14)).toBe(0);
    expect(chooseRawMinZoom(order, 2, 0, 14)).toBe(4);
    expect(chooseRawMinZoom(order, 1, 0, 10)).toBe(10); // the two nearby points stay together
  });
});
