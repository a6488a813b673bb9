/**
 * The brushed stretch of the line: a closed, ordered range of chainages (km). A stretch is never
 * shorter than `MIN_STRETCH_KM`, so that it always selects some of the line.
 */

/** A stretch of the line, in km from the Iran tripoint. */
export interface KmRange {
  fromKm: number;
  toKm: number;
}

/** Which end of a stretch. */
export type StretchEdge = 'from' | 'to';

/** The shortest stretch the brush makes. */
export const MIN_STRETCH_KM = 1;

/** The whole line. */
export function wholeLine(lengthKm: number): KmRange {
  return { fromKm: 0, toKm: Math.max(0, lengthKm) };
}

/** A stretch as the brush shows it: ordered and clamped onto the line. */
export function clampStretch(range: KmRange, lengthKm: number): KmRange {
  const length = Math.max(0, lengthKm);
  const a = clamp(range.fromKm, 0, length);
  const b = clamp(range.toKm, 0, length);
  return a <= b ? { fromKm: a, toKm: b } : { fromKm: b, toKm: a };
}

/** Shifts a stretch by `deltaKm`, keeping its length, stopping at the ends of the line. */
export function moveStretch(range: KmRange, deltaKm: number, lengthKm: number): KmRange {
  const width = range.toKm - range.fromKm;
  const from = clamp(range.fromKm + deltaKm, 0, Math.max(0, lengthKm - width));
  return { fromKm: from, toKm: from + width };
}

/**
 * Moves one end of a stretch by `deltaKm`, stopping `MIN_STRETCH_KM` short of the other end
 * and at the ends of the line.
 */
export function resizeStretch(
  range: KmRange,
  edge: StretchEdge,
  deltaKm: number,
  lengthKm: number,
): KmRange {
  const gap = Math.min(MIN_STRETCH_KM, range.toKm - range.fromKm);
  return edge === 'from'
    ? { fromKm: clamp(range.fromKm + deltaKm, 0, range.toKm - gap), toKm: range.toKm }
    : { fromKm: range.fromKm, toKm: clamp(range.toKm + deltaKm, range.fromKm + gap, lengthKm) };
}

/**
 * The stretch between two chainages in either order, at least `MIN_STRETCH_KM` long: a short
 * one grows away from `anchorKm` where the line allows, towards it where it does not.
 */
export function spanStretch(anchorKm: number, km: number, lengthKm: number): KmRange {
  const from = Math.min(anchorKm, km);
  const to = Math.max(anchorKm, km);
  if (to - from >= MIN_STRETCH_KM || lengthKm < MIN_STRETCH_KM) return { fromKm: from, toKm: to };
  const forwards = km >= anchorKm;
  if (forwards) {
    return anchorKm + MIN_STRETCH_KM <= lengthKm
      ? { fromKm: anchorKm, toKm: anchorKm + MIN_STRETCH_KM }
      : { fromKm: lengthKm - MIN_STRETCH_KM, toKm: lengthKm };
  }
  return anchorKm - MIN_STRETCH_KM >= 0
    ? { fromKm: anchorKm - MIN_STRETCH_KM, toKm: anchorKm }
    : { fromKm: 0, toKm: MIN_STRETCH_KM };
}

/** True when two stretches have the same ends. */
export function sameStretch(a: KmRange, b: KmRange): boolean {
  return a.fromKm === b.fromKm && a.toKm === b.toKm;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
