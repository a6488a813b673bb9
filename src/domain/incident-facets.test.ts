import { describe, expect, it } from 'vitest';
import { APPROXIMATE_PRECISIONS, PRECISIONS } from './incident-facets';

describe('Approximate locations', () => {
  it('are district, province and other placements, drawn as rings', () => {
    expect(PRECISIONS.filter((p) => APPROXIMATE_PRECISIONS.has(p))).toEqual([
      'district',
      'province',
      'other',
    ]);
  });

  it('leave exact places and unstated precision drawn as exact', () => {
    expect(APPROXIMATE_PRECISIONS.has('place')).toBe(false);
    expect(APPROXIMATE_PRECISIONS.has('unknown')).toBe(false);
  });
});
