import { describe, expect, it } from 'vitest';
import { PRECISIONS } from '../domain/incident-facets';
import type { QueryReply } from '../workers/engine-protocol';
import { toSlimFeatures } from './incident-features';

function makeMap(precisions: string[]): QueryReply['map'] {
  const n = precisions.length;
  return {
    rows: Uint32Array.from({ length: n }, (_, i) => 10 + i),
    positions: Float64Array.from({ length: n * 2 }, (_, i) => (i % 2 ? 33 : 70) + i / 100),
    types: new Uint16Array(n),
    typeCodes: ['airstrike'],
    precisions: Uint8Array.from(precisions, (p) => PRECISIONS.indexOf(p as never)),
    omitted: false,
  };
}

describe('Incident features for the map', () => {
  it('carries the row as id and property, and the type code', () => {
    const [feature] = toSlimFeatures(makeMap(['place'])).features;
    expect(feature?.id).toBe(10);
    expect(feature?.properties).toMatchObject({ row: 10, type: 'airstrike' });
    expect(feature?.geometry.coordinates).toEqual([70, 33.01]);
  });

  it('marks district, province and other placements as approximate', () => {
    const features = toSlimFeatures(makeMap(['district', 'province', 'other'])).features;
    expect(features.map((f) => f.properties?.approx)).toEqual([1, 1, 1]);
  });

  it('draws exact places and unstated precision as exact', () => {
    const features = toSlimFeatures(makeMap(['place', 'unknown'])).features;
    expect(features.map((f) => f.properties?.approx)).toEqual([0, 0]);
  });
});
