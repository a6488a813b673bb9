import type { DayExtent } from './timeline-scale';
import { extentDays } from './timeline-scale';

/** A date range as the filters hold it: inclusive day numbers, null bounds open. */
export interface OpenRange {
  fromDay: number | null;
  toDay: number | null;
}

/** A closed, ordered, inclusive range of day numbers. */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

/** Which end of a range. */
export type RangeEdge = 'from' | 'to';

/** The range the brush shows: open bounds at the extent's ends, both clamped into it, ordered. */
export function resolveRange(range: OpenRange, extent: DayExtent): DayRange {
  const from = clamp(range.fromDay ?? extent.fromDay, extent.fromDay, extent.toDay);
  const to = clamp(range.toDay ?? extent.toDay, extent.fromDay, extent.toDay);
  return from <= to ? { fromDay: from, toDay: to } : { fromDay: to, toDay: from };
}

/** True when the range has neither bound (every date). */
export function isOpen(range: OpenRange): boolean {
  return range.fromDay === null && range.toDay === null;
}

/** Shifts a range by `delta` days, keeping its length, stopping at the extent's ends. */
export function moveRange(range: DayRange, delta: number, extent: DayExtent): DayRange {
  const length = range.toDay - range.fromDay;
  const from = clamp(
    range.fromDay + delta,
    extent.fromDay,
    Math.max(extent.fromDay, extent.toDay - length),
  );
  return { fromDay: from, toDay: from + length };
}

/** Moves one end of a range by `delta` days, stopping at the other end and at the extent. */
export function resizeRange(
  range: DayRange,
  edge: RangeEdge,
  delta: number,
  extent: DayExtent,
): DayRange {
  return edge === 'from'
    ? { fromDay: clamp(range.fromDay + delta, extent.fromDay, range.toDay), toDay: range.toDay }
    : { fromDay: range.fromDay, toDay: clamp(range.toDay + delta, range.fromDay, extent.toDay) };
}

/** The range between two days, in whichever order they come. */
export function spanDays(a: number, b: number): DayRange {
  return a <= b ? { fromDay: a, toDay: b } : { fromDay: b, toDay: a };
}

/** True when two ranges have the same bounds. */
export function sameRange(a: OpenRange, b: OpenRange): boolean {
  return a.fromDay === b.fromDay && a.toDay === b.toDay;
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
  return { fromDay: start, toDay: start + length - 1 };
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
  return { fromDay: from, toDay: from + length - 1 };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
