import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_HEIGHT,
  contentOffsetAt,
  offsetToReveal,
  scrollTopFor,
  spacerHeight,
  visibleRows,
} from './list-window';
import type { ListGeometry } from './list-window';

function makeGeometry(overrides: Partial<ListGeometry> = {}): ListGeometry {
  return { total: 1000, rowHeight: 56, viewportHeight: 560, ...overrides };
}

describe('List window', () => {
  it('maps scroll positions one to one while the list fits under the height cap', () => {
    const geometry = makeGeometry();
    expect(spacerHeight(geometry)).toBe(56_000);
    expect(contentOffsetAt(1234, geometry)).toBe(1234);
    expect(scrollTopFor(1234, geometry)).toBe(1234);
  });

  it('compresses a million rows under the height cap and still reaches the last row', () => {
    const geometry = makeGeometry({ total: 1_000_000 });
    const maxScroll = spacerHeight(geometry) - geometry.viewportHeight;
    expect(spacerHeight(geometry)).toBe(MAX_SCROLL_HEIGHT);
    expect(visibleRows(contentOffsetAt(maxScroll, geometry), geometry)?.last).toBe(999_999);
  });

  it('round-trips a content offset through a compressed scroll position', () => {
    const geometry = makeGeometry({ total: 1_000_000 });
    expect(contentOffsetAt(scrollTopFor(30_000_000, geometry), geometry)).toBeCloseTo(30_000_000);
  });

  it('counts a partly visible row at either edge as visible', () => {
    expect(visibleRows(28, makeGeometry())).toEqual({ first: 0, last: 10 });
    expect(visibleRows(56, makeGeometry())).toEqual({ first: 1, last: 10 });
  });

  it('has no visible rows when the list is empty', () => {
    expect(visibleRows(0, makeGeometry({ total: 0 }))).toBeNull();
  });

  it('leaves a fully visible row where it is', () => {
    expect(offsetToReveal(3, 0, makeGeometry(), 'nearest')).toBeNull();
  });

  it('scrolls just enough to show a row below or above the viewport', () => {
    expect(offsetToReveal(10, 0, makeGeometry(), 'nearest')).toBe(56);
    expect(offsetToReveal(4, 560, makeGeometry(), 'nearest')).toBe(224);
  });

  it('centres a row that is more than a screen away', () => {
    expect(offsetToReveal(500, 0, makeGeometry(), 'centre-if-far')).toBe(28_000 - 252);
  });
});
