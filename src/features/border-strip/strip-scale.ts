/**
 * Pure helpers for the border strip: the km ↔ pixel scale along the Durand Line (0 at the Iran
 * tripoint, on the left), the day ↔ pixel scale down the time axis (earliest day at the top),
 * km ticks and the named segments along the line. Days are day numbers, as in
 * `domain/incident-date`.
 */
import { formatNumber } from '../../i18n/format';
import { currentLanguage, i18next } from '../../i18n/i18n';
import type { LanguageCode } from '../../i18n/languages';
import type { DayExtent } from '../timeline/timeline-scale';
import { dayToX, xToDay } from '../timeline/timeline-scale';

/** A named stretch of the line, such as a province along it. */
export interface BorderSegment {
  name: string;
  fromKm: number;
  toKm: number;
}

/** The x (pixels from the left) of a chainage, on an axis `width` pixels wide for the line. */
export function kmToX(km: number, lengthKm: number, width: number): number {
  return lengthKm > 0 ? (km / lengthKm) * width : 0;
}

/** The chainage under x (pixels from the left), clamped onto the line. */
export function xToKm(x: number, lengthKm: number, width: number): number {
  if (!(width > 0) || !(lengthKm > 0)) return 0;
  return clamp((x / width) * lengthKm, 0, lengthKm);
}

/**
 * A chainage rounded to a whole km for the brush, kept on the line: the far end of a
 * 2,244.8 km line stays 2,244.8 rather than rounding past it.
 */
export function snapKm(km: number, lengthKm: number): number {
  return clamp(Math.round(km), 0, Math.max(0, lengthKm));
}

/**
 * The y (pixels from the top) where a day begins, on a time axis `height` pixels tall that runs
 * downward from the extent's first day. Day `d` occupies `[dayToY(d), dayToY(d + 1))`.
 */
export function dayToY(day: number, extent: DayExtent, height: number): number {
  return dayToX(day, extent, height);
}

/** The day under y (pixels from the top), clamped into the extent. */
export function yToDay(y: number, extent: DayExtent, height: number): number {
  return xToDay(y, extent, height);
}

/** Candidate km tick steps, smallest first. */
const KM_STEPS = [10, 25, 50, 100, 250, 500, 1000];

/**
 * Km ticks from 0 (0, 250, 500 … on a typical width): the smallest step whose ticks stand at
 * least `minSpacingPx` apart on an axis `width` pixels wide, up to the line's length.
 */
export function kmTicks(lengthKm: number, width: number, minSpacingPx = 56): number[] {
  if (!(lengthKm > 0)) return [];
  const pxPerKm = width > 0 ? width / lengthKm : 0;
  const step = KM_STEPS.find((s) => s * pxPerKm >= minSpacingPx) ?? KM_STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let km = 0; km <= lengthKm; km += step) ticks.push(km);
  return ticks;
}

/** Segments in km order, clipped onto the line; those wholly off it or empty are left out. */
export function orderSegments(
  segments: readonly BorderSegment[],
  lengthKm: number,
): BorderSegment[] {
  return segments
    .map((s) => ({
      name: s.name,
      fromKm: clamp(Math.min(s.fromKm, s.toKm), 0, lengthKm),
      toKm: clamp(Math.max(s.fromKm, s.toKm), 0, lengthKm),
    }))
    .filter((s) => s.toKm > s.fromKm)
    .sort((a, b) => a.fromKm - b.fromKm || a.toKm - b.toKm);
}

/**
 * The segment a chainage falls in. A boundary belongs to the segment that starts there, except
 * at the end of the last one; null when no segment covers the chainage.
 */
export function segmentAt(km: number, segments: readonly BorderSegment[]): BorderSegment | null {
  let closing: BorderSegment | null = null;
  for (const segment of segments) {
    if (segment.fromKm <= km && km < segment.toKm) return segment;
    if (km === segment.toKm) closing ??= segment;
  }
  return closing;
}

/**
 * The places a stretch crosses, for labels: the one segment it lies in, or the first and last
 * it overlaps (`Kurram to Khyber`); empty when it overlaps none.
 */
export function describePlaces(
  fromKm: number,
  toKm: number,
  segments: readonly BorderSegment[],
  language: LanguageCode = currentLanguage(),
): string {
  if (toKm <= fromKm) return segmentAt(fromKm, segments)?.name ?? '';
  const crossed = segments.filter((s) => s.fromKm < toKm && s.toKm > fromKm);
  if (crossed.length === 0) return '';
  const first = crossed[0]!.name;
  const last = crossed.at(-1)!.name;
  return first === last ? first : stripWords(language)('placesBetween', { first, last });
}

/** The strip's words in `language`, for the texts made outside its component. */
export function stripWords(language: LanguageCode) {
  return i18next.getFixedT(language, 'borderStrip');
}

/** A chainage as the axis and sliders write it: whole km with thousands separated. */
export function formatKm(km: number, language: LanguageCode = currentLanguage()): string {
  return formatNumber(km, language, { maximumFractionDigits: 0 });
}

/** `512 km (Kurram)`, or `512 km` where no segment covers the chainage. */
export function describeKm(
  km: number,
  segments: readonly BorderSegment[],
  language: LanguageCode = currentLanguage(),
): string {
  const place = segmentAt(km, segments)?.name;
  const t = stripWords(language);
  return place
    ? t('kmIn', { km: formatKm(km, language), place })
    : t('km', { km: formatKm(km, language) });
}

/** A stretch as the strip writes it: `620–720 km`, with the places it crosses when named. */
export function describeStretch(
  fromKm: number,
  toKm: number,
  places: string,
  language: LanguageCode,
): string {
  const t = stripWords(language);
  const from = formatKm(fromKm, language);
  const to = formatKm(toKm, language);
  return places ? t('stretchIn', { from, to, places }) : t('stretch', { from, to });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
