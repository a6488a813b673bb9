import { describe, expect, it } from 'vitest';
import { FILTER_DIMENSIONS } from './filter-dimensions';
import { EMPTY_URL_FILTER } from './filter-table';
import { AGGREGATE_TILE_ATTRIBUTES, BORDERLESS_TILE_ATTRIBUTES } from '../package/package-manifest';
import {
  describePackageRefusal,
  onBandEdges,
  packageDimensions,
  packageRefusal,
  packageRefusalOf,
  unansweredDimensions,
} from './package-answers';

const TERMS = { kmBands: [0, 1, 2, 5, 10, 25, 50], tileAttributes: AGGREGATE_TILE_ATTRIBUTES };
/** A package whose low zooms could not hold province and distance band. */
const BORDERLESS = { ...TERMS, tileAttributes: BORDERLESS_TILE_ATTRIBUTES };
const PACKAGE_DIMENSIONS = packageDimensions(TERMS);
const named = (name: string) => FILTER_DIMENSIONS.find((d) => d.name === name)!;

describe('What a dataset package answers', () => {
  it('answers the dates, the types, the side, the province and the distance, which its counts and tiles hold', () => {
    const answered = ['dates', 'types', 'side', 'province', 'distance'];
    expect(PACKAGE_DIMENSIONS.map((d) => d.name)).toEqual(expect.arrayContaining(answered));
    for (const name of answered) expect(packageRefusalOf(name, TERMS)).toBeNull();
  });

  it('refuses a filter on anything else, saying what a package holds', () => {
    const holds = ['day', 'type', 'side', 'province', 'kmBand'];
    for (const name of ['text', 'actors', 'minimum fatalities', 'crossing', 'tags'])
      expect(packageRefusalOf(name, TERMS)).toEqual({ kind: 'notHeld', holds });
    expect(describePackageRefusal({ kind: 'notHeld', holds: ['day', 'type', 'side'] })).toBe(
      'This package cannot answer this filter: it holds counts by day, type and side.',
    );
  });

  it('refuses province and distance when its low-zoom tiles hold neither', () => {
    for (const name of ['province', 'distance'])
      expect(packageRefusalOf(name, BORDERLESS)).toEqual({
        kind: 'notHeld',
        holds: ['day', 'type', 'side'],
      });
    expect(packageRefusalOf('side', BORDERLESS)).toBeNull();
  });

  it('refuses a distance range off its band edges, listing the bands', () => {
    const filter = { ...EMPTY_URL_FILTER, borderKm: [0, 20] as [number, number] };
    const [refused] = unansweredDimensions(filter, {
      kmBands: [0, 5, 25],
      tileAttributes: AGGREGATE_TILE_ATTRIBUTES,
    });
    expect(refused?.reason).toEqual({
      kind: 'bandsOnly',
      bands: [
        { from: 0, to: 5 },
        { from: 5, to: 25 },
        { from: 25, to: null },
      ],
    });
    expect(describePackageRefusal(refused!.reason)).toBe(
      'This package answers distances by its bands only (0–5, 5–25, 25+ km).',
    );
  });

  it('answers a dimension only when both the counts and the aggregated tiles hold its attribute', () => {
    for (const dimension of FILTER_DIMENSIONS) {
      const answered = PACKAGE_DIMENSIONS.includes(dimension);
      expect(answered).toBe(
        dimension.package !== null && packageRefusal(dimension, TERMS) === null,
      );
    }
  });

  it('lists the dimensions a filter sets that a package cannot answer', () => {
    const filter = { ...EMPTY_URL_FILTER, from: '2025-01-01', side: 'PK' as const, text: 'gate' };
    expect(unansweredDimensions(filter, TERMS).map((r) => r.dimension.name)).toEqual(['text']);
    expect(unansweredDimensions(EMPTY_URL_FILTER, TERMS)).toEqual([]);
  });

  it('knows a distance range on the band edges from one across them', () => {
    expect(onBandEdges([0, 5], TERMS)).toBe(true);
    expect(onBandEdges([50, 100_000], TERMS)).toBe(true);
    expect(onBandEdges([0, 20], TERMS)).toBe(false);
    expect(named('distance').package).toEqual({ attribute: 'kmBand', bands: true });
  });

  it('names an unknown dimension in its error', () => {
    expect(() => packageRefusalOf('colour', TERMS)).toThrow(
      'No filter dimension is named "colour".',
    );
  });
});
