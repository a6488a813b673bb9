// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { distanceKm } from './latitude-scale';
import { SegmentIndex } from './segment-index';
import { readDurandLine, seededRandom } from './test-data';

/** Segment ends of a polyline given as [lon, lat] vertices. */
function polylineEnds(vertices: readonly (readonly number[])[]): Float64Array {
  const ends = new Float64Array((vertices.length - 1) * 4);
  for (let v = 0; v + 1 < vertices.length; v++) {
    ends.set(
      [vertices[v]![0]!, vertices[v]![1]!, vertices[v + 1]![0]!, vertices[v + 1]![1]!],
      4 * v,
    );
  }
  return ends;
}

/** Zero-length segments, one per point. */
function pointEnds(points: readonly [number, number][]): Float64Array {
  return Float64Array.from(points.flatMap(([lon, lat]) => [lon, lat, lon, lat]));
}

const durandEnds = polylineEnds(readDurandLine().coordinates);

describe('SegmentIndex', () => {
  it('finds the foot of the perpendicular on a segment', () => {
    const index = new SegmentIndex(
      polylineEnds([
        [70, 33],
        [71, 33],
      ]),
    );
    const hit = index.nearest(70.5, 33.1);
    expect(hit.segment).toBe(0);
    expect(hit.t).toBeCloseTo(0.5, 3);
    expect(hit.lat).toBe(33);
    // 0.1° of latitude at 33° N is about 11.09 km.
    expect(hit.km).toBeCloseTo(distanceKm(70.5, 33.1, hit.lon, 33), 9);
    expect(hit.km).toBeCloseTo(11.09, 2);
  });

  it('measures to the nearer end when the perpendicular misses the segment', () => {
    const hit = new SegmentIndex(
      polylineEnds([
        [70, 33],
        [71, 33],
      ]),
    ).nearest(69, 33.5);
    expect([hit.segment, hit.t, hit.lon, hit.lat]).toEqual([0, 0, 70, 33]);
  });

  it('treats zero-length segments as points', () => {
    const index = new SegmentIndex(
      pointEnds([
        [70, 33],
        [71, 34],
        [72, 35],
      ]),
    );
    const hit = index.nearest(71.1, 34.1);
    expect(hit.segment).toBe(1);
    expect(hit.km).toBeCloseTo(distanceKm(71.1, 34.1, 71, 34), 9);
  });

  it('gives ties to the lower segment number', () => {
    const index = new SegmentIndex(
      pointEnds([
        [72, 34],
        [70, 34],
        [70, 34],
      ]),
      { bruteForceMax: 0 },
    );
    expect(index.nearest(69, 34).segment).toBe(1);
  });

  it('answers -1 and NaN when empty or asked about an unlocated point', () => {
    const empty = new SegmentIndex(new Float64Array(0)).nearest(70, 33);
    expect([empty.segment, empty.km]).toEqual([-1, NaN]);
    const unlocated = new SegmentIndex(durandEnds).nearest(NaN, NaN);
    expect([unlocated.segment, unlocated.km]).toEqual([-1, NaN]);
  });

  it('finds the same segment and distance as measuring every segment, cached or not', () => {
    const everySegment = new SegmentIndex(durandEnds, { bruteForceMax: Infinity });
    const cached = new SegmentIndex(durandEnds);
    const random = seededRandom(7);
    for (let i = 0; i < 3000; i++) {
      // Up to about 1,000 km from the line, clustered near it every third point.
      const lon = i % 3 === 0 ? 69 + 3 * random() : 58 + 20 * random();
      const lat = i % 3 === 0 ? 32 + 3 * random() : 25 + 15 * random();
      const expected = everySegment.nearest(lon, lat);
      for (const hit of [cached.nearest(lon, lat), cached.searchTree(lon, lat)]) {
        expect(hit.segment, `(${lon}, ${lat})`).toBe(expected.segment);
        expect(hit.km).toBe(expected.km);
      }
    }
    expect(cached.cachedCells).toBeGreaterThan(100);
  });

  it('still answers once the cell cache is full', () => {
    const index = new SegmentIndex(durandEnds, { maxCells: 1 });
    const everySegment = new SegmentIndex(durandEnds, { bruteForceMax: Infinity });
    for (const [lon, lat] of [
      [69.17, 34.53],
      [71.58, 34.01],
      [67, 30.18],
    ] as const) {
      expect(index.nearest(lon, lat).km).toBe(everySegment.nearest(lon, lat).km);
    }
    expect(index.cachedCells).toBe(1);
  });

  it('names the segment and value of a bad coordinate', () => {
    expect(() => new SegmentIndex(Float64Array.from([70, 33, 71, 95]))).toThrow(
      'segment 0: latitude 95 is out of range',
    );
    expect(() => new SegmentIndex(new Float64Array(3))).toThrow('not a multiple of 4');
  });
});
