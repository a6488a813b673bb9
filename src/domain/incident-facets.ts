/**
 * Location precision in this app's words, whichever layout said it (each layout's adapter in
 * src/domain/layouts/ reads its own field into these words).
 */

/** Location precision in this app's words. */
export type Precision = 'place' | 'district' | 'province' | 'other' | 'unknown';

/** Every precision, in the order the filter offers them. */
export const PRECISIONS: readonly Precision[] = [
  'place',
  'district',
  'province',
  'other',
  'unknown',
];

/**
 * Precisions whose point stands for an area (its centre), not for the place itself: the map
 * draws them as rings. Points of unknown precision stay filled, as the data says nothing against
 * their position.
 */
export const APPROXIMATE_PRECISIONS: ReadonlySet<Precision> = new Set([
  'district',
  'province',
  'other',
]);
