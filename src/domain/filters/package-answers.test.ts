import { describe, expect, it } from 'vitest';
import { FILTER_DIMENSIONS } from './filter-dimensions';
import { EMPTY_URL_FILTER } from './filter-table';
import {
  PACKAGE_DIMENSIONS,
  PACKAGE_HOLDS,
  onBandEdges,
  packageRefusal,
  packageRefusalOf,
  unansweredDimensions,
} from './package-answers';

const TERMS = { kmBands: [0, 1, 2, 5, 10, 25, 50] };
const named = (name: string) => FILTER_DIMENSIONS.find((d) => d.name === name)!;

describe('What a dataset package answers', () => {
  it('answers the dates, the types and the side, which its counts and tiles hold', () => {
    expect(PACKAGE_DIMENSIONS.map((d) => d.name)).toEqual(
      expect.arrayContaining(['dates', 'types', 'side']),
    );
    for (const name of ['dates', 'types', 'side']) expect(packageRefusalOf(name, TERMS)).toBeNull();
  });

  it('refuses a filter on anything else, saying what a package holds', () => {
    for (const name of ['text', 'actors', 'minimum fatalities', 'crossing', 'tags'])
      expect(packageRefusalOf(name, TERMS)).toBe(
        `This package cannot answer this filter: ${PACKAGE_HOLDS}.`,
      );
    expect(PACKAGE_HOLDS).toMatch(/^it holds counts by day, type and side/);
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
