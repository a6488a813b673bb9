import type { Interval } from '../brush/brush-range';
import { clampInterval } from '../brush/brush-range';
import type { DayExtent } from './timeline-scale';
import { extentDays } from './timeline-scale';

/** A date range as the filters hold it: inclusive day numbers, null bounds open. */
export interface OpenRange {
  fromDay: number | null;
  toDay: number | null;
}

/** A closed range of day numbers, both ends inclusive: the brush's interval, in days. */
export type DayRange = Interval;

/** The range the brush shows: open bounds at the extent's ends, both clamped into it, ordered. */
export function resolveRange(range: OpenRange, extent: DayExtent): DayRange {
  return clampInterval(
    { from: range.fromDay ?? extent.fromDay, to: range.toDay ?? extent.toDay },
    { from: extent.fromDay, to: extent.toDay },
  );
}

/** True when the range has neither bound (every date). */
export function isOpen(range: OpenRange): boolean {
  return range.fromDay === null && range.toDay === null;
}

/** The window length playback uses: `windowDays` cut to the extent, at least one day. */
export function playbackLength(windowDays: number, extent: DayExtent): number {
  return clamp(Math.floor(windowDays), 1, extentDays(extent));
}

/**
 * The first window of playback: from the current range's start when a window from there can
 * still advance, otherwise from the extent's start.
 */
export function playbackStart(range: OpenRange, windowDays: number, extent: DayExtent): DayRange {
  const length = playbackLength(windowDays, extent);
  const lastStart = extent.toDay - length + 1;
  const from = clamp(range.fromDay ?? extent.fromDay, extent.fromDay, lastStart);
  const start = from === lastStart ? extent.fromDay : from;
  return { from: start, to: start + length - 1 };
}

/**
 * The window after the one starting at `fromDay`, `stepDays` later; the last window ends on the
 * extent's last day. Null when the window already ends there.
 */
export function nextPlaybackWindow(
  fromDay: number,
  windowDays: number,
  stepDays: number,
  extent: DayExtent,
): DayRange | null {
  const length = playbackLength(windowDays, extent);
  const lastStart = extent.toDay - length + 1;
  if (fromDay >= lastStart) return null;
  const from = Math.max(extent.fromDay, Math.min(fromDay + stepDays, lastStart));
  return { from, to: from + length - 1 };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
