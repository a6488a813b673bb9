/**
 * Arithmetic of a fixed-row-height virtual list whose scroll height may be compressed.
 *
 * Browsers clamp an element's height (Firefox near 17.9 million px, Chrome near 33.5 million px),
 * so a million 56 px rows cannot be laid out at full height: the list would stop scrolling
 * part-way. Above `MAX_SCROLL_HEIGHT` the scrolled spacer keeps the cap, and scroll positions are
 * scaled linearly onto content offsets so that the bottom of the scroll range shows the last row.
 */

/** Tallest spacer laid out, safely under every browser's clamp. */
export const MAX_SCROLL_HEIGHT = 15_000_000;

export interface ListGeometry {
  /** Rows in the list. */
  total: number;
  rowHeight: number;
  /** Height of the scrolling viewport, px. */
  viewportHeight: number;
}

/** Height of the scrolled spacer: the list's own height, or the cap when the list is taller. */
export function spacerHeight({ total, rowHeight }: ListGeometry): number {
  return Math.min(total * rowHeight, MAX_SCROLL_HEIGHT);
}

/** Largest scrollTop and largest content offset (the top of the last full screen). */
function ranges(geometry: ListGeometry): { maxScroll: number; maxContent: number } {
  const content = geometry.total * geometry.rowHeight;
  return {
    maxScroll: Math.max(0, spacerHeight(geometry) - geometry.viewportHeight),
    maxContent: Math.max(0, content - geometry.viewportHeight),
  };
}

/** Content offset (px below the first row's top) shown at the top of the viewport. */
export function contentOffsetAt(scrollTop: number, geometry: ListGeometry): number {
  const { maxScroll, maxContent } = ranges(geometry);
  const top = Math.min(Math.max(scrollTop, 0), maxScroll);
  if (maxScroll === maxContent || maxScroll === 0) return top;
  return (top * maxContent) / maxScroll;
}

/** The scrollTop that shows `contentOffset` at the top of the viewport (inverse of the above). */
export function scrollTopFor(contentOffset: number, geometry: ListGeometry): number {
  const { maxScroll, maxContent } = ranges(geometry);
  const offset = Math.min(Math.max(contentOffset, 0), maxContent);
  if (maxScroll === maxContent || maxContent === 0) return offset;
  return (offset * maxScroll) / maxContent;
}

/** First and last row (inclusive) at least partly inside the viewport; null for an empty list. */
export function visibleRows(
  contentOffset: number,
  { total, rowHeight, viewportHeight }: ListGeometry,
): { first: number; last: number } | null {
  if (total === 0) return null;
  const first = Math.min(total - 1, Math.floor(contentOffset / rowHeight));
  const last = Math.min(total - 1, Math.ceil((contentOffset + viewportHeight) / rowHeight) - 1);
  return { first, last: Math.max(first, last) };
}

/**
 * The content offset that brings a row into view, or null when it is fully visible already.
 * `nearest` scrolls as little as possible (keyboard steps); `centre-if-far` centres a row that
 * is more than a screen away (a selection made elsewhere, e.g. on the map).
 */
export function offsetToReveal(
  position: number,
  contentOffset: number,
  { rowHeight, viewportHeight }: ListGeometry,
  mode: 'nearest' | 'centre-if-far',
): number | null {
  const top = position * rowHeight;
  const bottom = top + rowHeight;
  if (top >= contentOffset && bottom <= contentOffset + viewportHeight) return null;
  const far = bottom < contentOffset - viewportHeight || top > contentOffset + 2 * viewportHeight;
  if (mode === 'centre-if-far' && far) return top - (viewportHeight - rowHeight) / 2;
  return top < contentOffset ? top : bottom - viewportHeight;
}
