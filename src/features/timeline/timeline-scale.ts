/**
 * Pure helpers for the timeline: binning days into bars, the day ↔ pixel scale and axis ticks.
 * Days are day numbers (days since 1970-01-01), as in `domain/incident-date`.
 */
import { currentLanguage } from '../../i18n/i18n';
import type { AxisCalendar } from './axis-calendar';
import { axisCalendar } from './axis-calendar';

/** Incidents per day from `startDay`, stacked by type: `byType[t * days + d]`. */
export interface DayHistogram {
  startDay: number;
  days: number;
  byType: Int32Array;
  typeCodes: readonly string[];
}

/** An inclusive span of days. */
export interface DayExtent {
  fromDay: number;
  toDay: number;
}

/** A histogram regrouped into bars of `binDays` days each. */
export interface Bins {
  /** First day of the first bin; with weekly bins a Monday, possibly before the data starts. */
  startDay: number;
  binDays: number;
  count: number;
  typeCodes: readonly string[];
  /** `byType[t * count + b]`. */
  byType: Int32Array;
  totals: Int32Array;
  /** The largest total of any bin (0 when there are no incidents). */
  max: number;
}

/** Day number of Monday 1970-01-05, the first Monday of the epoch. */
const FIRST_MONDAY = 4;
/** Fewest CSS pixels a daily bar may take before the timeline switches to weekly bars. */
const MIN_DAILY_BAR_PX = 3;
/** Without a measured width (no layout yet, or jsdom): weekly bars beyond this many days. */
const DAILY_BARS_WITHOUT_WIDTH = 180;

/** Number of days in an inclusive extent. */
export function extentDays(extent: DayExtent): number {
  return extent.toDay - extent.fromDay + 1;
}

/** The Monday on or before a day. */
export function weekStart(day: number): number {
  return day - mod(day - FIRST_MONDAY, 7);
}

/** Bar width in days: daily while each day gets about 3 px, weekly beyond that. */
export function chooseBinDays(days: number, widthPx: number): 1 | 7 {
  const limit = widthPx > 0 ? widthPx / MIN_DAILY_BAR_PX : DAILY_BARS_WITHOUT_WIDTH;
  return days > limit ? 7 : 1;
}

/**
 * Regroups a daily histogram into bars of `binDays` days. Weekly bins (`binDays` 7) start on
 * Mondays so that a bar is a calendar week; other widths start at the histogram's first day.
 */
export function binHistogram(histogram: DayHistogram, binDays: number): Bins {
  const { startDay, days, byType, typeCodes } = histogram;
  const types = typeCodes.length;
  if (!Number.isInteger(binDays) || binDays < 1) {
    throw new Error(`bin width ${binDays} is not a whole number of days ≥ 1`);
  }
  if (byType.length < types * days) {
    throw new Error(
      `histogram byType has ${byType.length} entries, expected ${types} types × ${days} days`,
    );
  }

  // Step 1: align the first bin (weeks on Mondays) and size the output.
  const firstDay = binDays === 7 ? weekStart(startDay) : startDay;
  const lead = startDay - firstDay;
  const count = days === 0 ? 0 : Math.ceil((lead + days) / binDays);
  const binned = new Int32Array(types * count);
  const totals = new Int32Array(count);

  // Step 2: add each day's count to its bin, per type and in total.
  for (let t = 0; t < types; t++) {
    const source = t * days;
    const target = t * count;
    for (let d = 0; d < days; d++) {
      const value = byType[source + d]!;
      if (value === 0) continue;
      const b = Math.floor((lead + d) / binDays);
      binned[target + b]! += value;
      totals[b]! += value;
    }
  }

  let max = 0;
  for (let b = 0; b < count; b++) max = Math.max(max, totals[b]!);
  return { startDay: firstDay, binDays, count, typeCodes, byType: binned, totals, max };
}

/** The x (pixels from the left) where a day begins, on an axis spanning the extent. */
export function dayToX(day: number, extent: DayExtent, width: number): number {
  return ((day - extent.fromDay) / extentDays(extent)) * width;
}

/** The day under x (pixels from the left), clamped into the extent. */
export function xToDay(x: number, extent: DayExtent, width: number): number {
  if (!(width > 0)) return extent.fromDay;
  // The epsilon keeps the exact start of a day, x = dayToX(day), from rounding into the day before.
  const day = extent.fromDay + Math.floor((x / width) * extentDays(extent) + 1e-9);
  return Math.min(extent.toDay, Math.max(extent.fromDay, day));
}

/** A labelled position on the time axis. */
export interface AxisTick {
  day: number;
  label: string;
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];
const DAY_STEPS = [1, 2, 7, 14];
const AVERAGE_MONTH_DAYS = 30.44;

/**
 * Ticks for the axis: month starts (every 1, 2, 3 or 6 months), years (every 1, 2, 5 … years),
 * or, when the extent holds fewer than two month starts, days. Steps are chosen so that labels
 * stand at least `minSpacingPx` apart on an axis `width` pixels wide. Months and labels are
 * those of a language and its chosen calendar (axis-calendar.ts), the page's by default.
 */
export function axisTicks(
  extent: DayExtent,
  width: number,
  minSpacingPx = 64,
  calendar: AxisCalendar = axisCalendar(currentLanguage()),
): AxisTick[] {
  const pxPerDay = width / extentDays(extent);
  const months = monthTicks(extent, pxPerDay, minSpacingPx, calendar);
  if (months.length >= 2) return months;
  const step = DAY_STEPS.find((s) => s * pxPerDay >= minSpacingPx);
  return step === undefined ? months : dayTicks(extent, step, calendar);
}

function monthTicks(
  extent: DayExtent,
  pxPerDay: number,
  minSpacingPx: number,
  calendar: AxisCalendar,
): AxisTick[] {
  const monthPx = pxPerDay * AVERAGE_MONTH_DAYS;
  const step =
    MONTH_STEPS.find((s) => s * monthPx >= minSpacingPx) ?? MONTH_STEPS[MONTH_STEPS.length - 1]!;
  const ticks: AxisTick[] = [];
  // Month index = year * 12 + month; a tick stands on every index divisible by the step.
  for (const { day, index } of calendar.monthStarts(extent.fromDay, extent.toDay)) {
    if (mod(index, step) !== 0) continue;
    const style =
      step >= 12 ? 'year' : index % 12 === 0 || ticks.length === 0 ? 'monthYear' : 'month';
    ticks.push({ day, label: calendar.label(day, style) });
  }
  return ticks;
}

function dayTicks(extent: DayExtent, step: number, calendar: AxisCalendar): AxisTick[] {
  // Weekly steps fall on Mondays; shorter ones count from the first day.
  const origin = step % 7 === 0 ? FIRST_MONDAY : extent.fromDay;
  const ticks: AxisTick[] = [];
  for (let day = extent.fromDay + mod(origin - extent.fromDay, step); day <= extent.toDay;) {
    ticks.push({ day, label: calendar.label(day, 'dayMonth') });
    day += step;
  }
  return ticks;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
