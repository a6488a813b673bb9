import { describe, expect, it } from 'vitest';
import { clusterPoints, TILE_PX } from './cluster-points';
import { buildSpatialOrder, mercatorX } from './spatial-order';

function orderOf(points: Array<[number, number]>) {
  return buildSpatialOrder(
    Float64Array.from(points, (p) => p[0]),
    Float64Array.from(points, (p) => p[1]),
  );
}

/** Degrees of longitude spanning `px` pixels at zoom z. */
function degreesFor(px: number, z: number): number {
  return (px / (TILE_PX * 2 ** z)) * 360;
}

describe('Clustering', () => {
  it('puts every included point in exactly one cluster', () => {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < 4_000; i++)
      points.push([60 + ((i * 37) % 1500) / 100, 29 + ((i * 53) % 900) / 100]);
    const order = orderOf(points);
    const included = new Uint8Array(points.length).map((_, row) => (row % 3 === 0 ? 0 : 1));
    const expected = included.reduce((sum, v) => sum + v, 0);
    for (const zoom of [0, 3, 5, 8, 11, 14]) {
      const clusters = clusterPoints(order, included, 0, order.rows.length, zoom, 40);
      let total = 0;
      for (let k = 0; k < clusters.length; k++) total += clusters.count[k]!;
      expect(total).toBe(expected);
    }
  });

  it('merges points closer than the radius and keeps far ones apart', () => {
    const z = 6;
    const near = degreesFor(10, z);
    const far = degreesFor(200, z);
    const order = orderOf([
      [70, 33],
      [70 + near, 33],
      [70 + far, 33],
    ]);
    const clusters = clusterPoints(order, new Uint8Array([1, 1, 1]), 0, 3, z, 40);
    const counts = [...clusters.count.subarray(0, clusters.length)].sort();
    expect(counts).toEqual([1, 2]);
    const pair = [...clusters.count].indexOf(2);
    expect(clusters.x[pair]).toBeCloseTo(mercatorX(70 + near / 2), 12);
    expect(clusters.minX[pair]).toBeCloseTo(mercatorX(70), 12);
    expect(clusters.maxX[pair]).toBeCloseTo(mercatorX(70 + near), 12);
  });

  it('leaves out rows that are not included', () => {
    const order = orderOf([
      [70, 33],
      [70, 33],
      [71, 34],
    ]);
    const clusters = clusterPoints(order, new Uint8Array([1, 0, 0]), 0, 3, 4, 40);
    expect(clusters.length).toBe(1);
    expect(clusters.count[0]).toBe(1);
    expect(order.rows[clusters.first[0]!]).toBe(0);
  });

  it('gathers many incidents at one spot into one cluster at any zoom', () => {
    const points = Array.from({ length: 300 }, () => [69.5, 33.4] as [number, number]);
    const order = orderOf(points);
    const clusters = clusterPoints(order, new Uint8Array(300).fill(1), 0, 300, 14, 40);
    expect(clusters.length).toBe(1);
    expect(clusters.count[0]).toBe(300);
  });
});
