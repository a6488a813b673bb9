import { describe, expect, it } from 'vitest';
import { loadIncidents, makeFeature } from '../test-factories';
import { AF_PK_REGION, checkRegion, FAR_OUTSIDE_KM, kmOutsideRegion } from './region-checks';

const at = (lon: number, lat: number) =>
  makeFeature({}, { geometry: { type: 'Point', coordinates: [lon, lat] } });

describe('kmOutsideRegion', () => {
  it('is zero inside the box', () => {
    expect(kmOutsideRegion(69.2, 34.5)).toBe(0);
  });

  it('measures the great-circle distance to the nearest edge', () => {
    // One degree of longitude east of the box at 30° N is about 96 km.
    expect(kmOutsideRegion(AF_PK_REGION.east + 1, 30)).toBeCloseTo(96.3, 0);
    // One degree of latitude is about 111 km everywhere.
    expect(kmOutsideRegion(70, AF_PK_REGION.north + 1)).toBeCloseTo(111.2, 0);
  });
});

describe('checkRegion', () => {
  it('says nothing about points inside, near the box or without coordinates', () => {
    const incidents = loadIncidents([at(70, 34), at(79, 30), makeFeature({}, { geometry: null })]);
    expect(checkRegion(incidents)).toEqual([]);
  });

  it('flags a point that falls inside only with its coordinates swapped', () => {
    expect(checkRegion(loadIncidents([at(34.5, 69.2)]))).toEqual([
      expect.objectContaining({ code: 'swapped-coordinates', indices: [0] }),
    ]);
  });

  it(`flags a point more than ${FAR_OUTSIDE_KM} km outside, once for the file`, () => {
    const warnings = checkRegion(loadIncidents([at(2.35, 48.85), at(-74, 40.7), at(70, 34)]));
    expect(warnings).toMatchObject([
      {
        code: 'outside-region',
        message: `2 of 3 incidents (#0, #1) lie more than ${FAR_OUTSIDE_KM} km outside Afghanistan and Pakistan`,
        indices: [0, 1],
      },
    ]);
  });

  it('lists at most ten indices in the message but all of them in the warning', () => {
    const incidents = loadIncidents(Array.from({ length: 12 }, () => at(2.35, 48.85)));
    const [warning] = checkRegion(incidents);
    expect(warning?.message).toContain('#9 and 2 more');
    expect(warning?.indices).toHaveLength(12);
  });
});
