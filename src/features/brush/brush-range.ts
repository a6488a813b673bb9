/**
 * The maths of a 1-D brush: a closed, ordered interval on one axis, kept inside the axis's
 * bounds. The axis says what a unit is (a day on the timeline, a km on the border strip); these
 * functions only see numbers, so that both brushes move, resize and draw by the same rules.
 */

/** A closed interval on a brush's axis, `from` <= `to`, in the axis's units. */
export interface Interval {
  from: number;
  to: number;
}

/** Which end of an interval. */
export type Edge = 'from' | 'to';

/** How far the keys move a brush, in the axis's units. */
export interface KeySteps {
  /** An arrow key. */
  step: number;
  /** Page Up or Page Down. */
  page: number;
}

/** The interval ordered and with both ends clamped into `bounds`. */
export function clampInterval(range: Interval, bounds: Interval): Interval {
  const a = clamp(range.from, bounds.from, bounds.to);
  const b = clamp(range.to, bounds.from, bounds.to);
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}

/** Shifts an interval by `delta`, keeping its length, stopping at the bounds. */
export function moveInterval(range: Interval, delta: number, bounds: Interval): Interval {
  const length = range.to - range.from;
  const from = clamp(range.from + delta, bounds.from, Math.max(bounds.from, bounds.to - length));
  return { from, to: from + length };
}

/**
 * Moves one end of an interval by `delta`, stopping at the bounds and `minLength` short of the
 * other end (at the other end's distance, when the interval is already shorter than that).
 */
export function resizeInterval(
  range: Interval,
  edge: Edge,
  delta: number,
  bounds: Interval,
  minLength = 0,
): Interval {
  const gap = Math.min(minLength, range.to - range.from);
  return edge === 'from'
    ? { from: clamp(range.from + delta, bounds.from, range.to - gap), to: range.to }
    : { from: range.from, to: clamp(range.to + delta, range.from + gap, bounds.to) };
}

/**
 * The interval between `anchor` and `value` in either order, at least `minLength` long: a short
 * one grows away from the anchor where the bounds allow, towards it where they do not.
 */
export function spanInterval(
  anchor: number,
  value: number,
  bounds: Interval,
  minLength = 0,
): Interval {
  const from = Math.min(anchor, value);
  const to = Math.max(anchor, value);
  if (to - from >= minLength || bounds.to - bounds.from < minLength) return { from, to };
  if (value >= anchor) {
    return anchor + minLength <= bounds.to
      ? { from: anchor, to: anchor + minLength }
      : { from: bounds.to - minLength, to: bounds.to };
  }
  return anchor - minLength >= bounds.from
    ? { from: anchor - minLength, to: anchor }
    : { from: bounds.from, to: bounds.from + minLength };
}

/** True when two intervals have the same ends. */
export function sameInterval(a: Interval, b: Interval): boolean {
  return a.from === b.from && a.to === b.to;
}

/**
 * How far `key` moves a brush (Home and End: to the bounds, as ±Infinity), or undefined for a
 * key that does not move it. Left and Down go towards `from`, Right and Up towards `to`.
 */
export function keyDelta(key: string, steps: KeySteps): number | undefined {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return -steps.step;
    case 'ArrowRight':
    case 'ArrowUp':
      return steps.step;
    case 'PageDown':
      return -steps.page;
    case 'PageUp':
      return steps.page;
    case 'Home':
      return -Infinity;
    case 'End':
      return Infinity;
    default:
      return undefined;
  }
}

/**
 * Where a key leaves the interval: the whole interval moves, or with Shift only the `edge` end.
 * Undefined for a key that does not move a brush.
 */
export function keyInterval(
  range: Interval,
  edge: Edge,
  key: { key: string; shiftKey: boolean },
  steps: KeySteps,
  bounds: Interval,
  minLength = 0,
): Interval | undefined {
  const delta = keyDelta(key.key, steps);
  if (delta === undefined) return undefined;
  return key.shiftKey
    ? resizeInterval(range, edge, delta, bounds, minLength)
    : moveInterval(range, delta, bounds);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
