/**
 * The side of the Durand Line a point is on, from the line alone: left of the line walking from
 * the Iran tripoint to the China tripoint is Afghanistan. border-measures.ts uses it near the
 * line, where the country polygons leave a point in neither country.
 */
import type { SegmentHit } from './segment-index';

/** Side of the border: unknown or another country. */
export const SIDE_UNKNOWN = 0;
/** Side of the border: Afghanistan. */
export const SIDE_AF = 1;
/** Side of the border: Pakistan. */
export const SIDE_PK = 2;
export type BorderSide = typeof SIDE_UNKNOWN | typeof SIDE_AF | typeof SIDE_PK;

/**
 * The side of the line a point is on: left of the line walking from the Iran tripoint is
 * Afghanistan. Unknown beyond either end of the line and exactly on it.
 */
export function lineSide(
  line: Float64Array,
  lon: number,
  lat: number,
  hit: SegmentHit,
): BorderSide {
  const last = line.length / 2 - 2;
  const s = hit.segment;
  const atStart = hit.t <= 0;
  const atEnd = hit.t >= 1;
  if ((atStart && s === 0) || (atEnd && s === last)) return SIDE_UNKNOWN;

  // Cross products in degrees: scaling each axis by a positive factor keeps their signs.
  const cross = (segment: number, fromLon: number, fromLat: number): number => {
    const dx = line[2 * segment + 2]! - line[2 * segment]!;
    const dy = line[2 * segment + 3]! - line[2 * segment + 1]!;
    return dx * (lat - fromLat) - dy * (lon - fromLon);
  };

  let left: number;
  if (!atStart && !atEnd) {
    left = cross(s, line[2 * s]!, line[2 * s + 1]!);
  } else {
    // Nearest to a vertex: the left region is the intersection of the two segments' left
    // half-planes where the line turns left, their union where it turns right.
    const before = atStart ? s - 1 : s;
    const after = before + 1;
    const vLon = line[2 * after]!;
    const vLat = line[2 * after + 1]!;
    const c1 = cross(before, vLon, vLat);
    const c2 = cross(after, vLon, vLat);
    left = turnOf(line, before) > 0 ? Math.min(c1, c2) : Math.max(c1, c2);
  }
  return left > 0 ? SIDE_AF : left < 0 ? SIDE_PK : SIDE_UNKNOWN;
}

/** Sign of the turn from segment s to segment s + 1: positive for a left turn. */
function turnOf(line: Float64Array, s: number): number {
  const ux = line[2 * s + 2]! - line[2 * s]!;
  const uy = line[2 * s + 3]! - line[2 * s + 1]!;
  const wx = line[2 * s + 4]! - line[2 * s + 2]!;
  const wy = line[2 * s + 5]! - line[2 * s + 3]!;
  return ux * wy - uy * wx;
}
