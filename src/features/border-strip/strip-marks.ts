/**
 * Marks of the border strip: one small square per incident at (chainage, day), coloured by type.
 * Up to a million marks are drawn by binning them into a grid of mark-sized cells and writing
 * the cells straight into an ImageData, which takes one pass over the marks and one over the
 * cells instead of a canvas call per mark.
 */
import type { TypeDescriber } from '../../domain/type-describer';
import type { DayExtent } from '../timeline/timeline-scale';
import { extentDays } from '../timeline/timeline-scale';
import { dayToY, kmToX } from './strip-scale';

/** The marks: columns aligned by index. */
export interface StripPoints {
  /** km from the Iran tripoint along the line. */
  chainageKm: Float32Array;
  /** Day number; a fraction of a day is drawn on its day. */
  day: Int32Array | Float32Array;
  /** Index into `typeCodes`. */
  type: Uint16Array;
  typeCodes: readonly string[];
  /** The incident's row id, reported on selection. */
  rows: Uint32Array;
}

/** The part of CanvasRenderingContext2D the marks need (a recording fake in tests). */
export type MarkContext = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'createImageData' | 'putImageData'
>;

/** What a mark's position depends on. */
export interface MarkAxes {
  lengthKm: number;
  extent: DayExtent;
}

export interface MarkRaster extends MarkAxes {
  /** Backing-store pixels. */
  pixelWidth: number;
  pixelHeight: number;
  /** Side of a mark (and of a grid cell) in backing-store pixels. */
  markPx: number;
}

/** Side of a mark in CSS pixels. */
export const MARK_CSS_PX = 2;
/** Opacity of one mark; a cell with n marks is `1 − (1 − a)ⁿ` opaque, as n stacked marks. */
export const MARK_ALPHA = 0.45;

/** Opacity (0–255) of a cell by its count, up to the count where it no longer changes. */
const ALPHA_BY_COUNT = (() => {
  const table: number[] = [0];
  for (let n = 1; table.at(-1)! < 255; n++) {
    table.push(Math.round(255 * (1 - (1 - MARK_ALPHA) ** n)));
  }
  return Uint8Array.from(table);
})();

/** True when a mark at (km, day) lies on the line and in the extent, so is drawn. */
export function isOnChart(km: number, day: number, axes: MarkAxes): boolean {
  return (
    km >= 0 && km <= axes.lengthKm && day >= axes.extent.fromDay && day < axes.extent.toDay + 1
  );
}

/**
 * Writes the marks into `out`, an RGBA buffer of `pixelWidth × pixelHeight` (an ImageData's
 * data), replacing what it held. Marks sharing a cell are shown as one square whose colour is
 * the mean of their types' colours (as `describeType` gives them) and whose opacity grows with
 * their number. Returns the number of marks drawn (those on the line and in the extent).
 */
export function rasteriseMarks(
  points: StripPoints,
  raster: MarkRaster,
  out: Uint8ClampedArray,
  describeType: TypeDescriber,
): number {
  const { pixelWidth: width, pixelHeight: height, lengthKm, extent } = raster;
  const markPx = Math.max(1, Math.round(raster.markPx));
  if (out.length < width * height * 4) {
    throw new Error(`mark buffer holds ${out.length} bytes, expected ${width}×${height}×4`);
  }
  out.fill(0);
  if (width <= 0 || height <= 0 || !(lengthKm > 0)) return 0;

  // Step 1: the colour of each type, as bytes.
  const types = points.typeCodes.length;
  const rgb = new Uint8Array((types + 1) * 3);
  for (let t = 0; t <= types; t++) {
    const colour = parseHex(describeType(points.typeCodes[t] ?? '').colour);
    rgb.set(colour, t * 3);
  }

  // Step 2: count the marks of each cell and sum their colours, as (count, r, g, b) side by side
  // so that a mark touches one cache line.
  const columns = Math.ceil(width / markPx);
  const rows = Math.ceil(height / markPx);
  const cells = new Uint32Array(columns * rows * 4);
  const xScale = width / lengthKm / markPx;
  const yScale = height / extentDays(extent) / markPx;
  const { fromDay } = extent;
  const endDay = extent.toDay + 1;
  const { chainageKm, day, type } = points;
  const n = Math.min(chainageKm.length, day.length, type.length);
  let drawn = 0;
  for (let i = 0; i < n; i++) {
    const km = chainageKm[i]!;
    const d = day[i]!;
    // As isOnChart, written out in the hot loop.
    if (!(km >= 0 && km <= lengthKm && d >= fromDay && d < endDay)) continue;
    const column = Math.min(columns - 1, Math.floor(km * xScale));
    const row = Math.min(rows - 1, Math.floor((Math.floor(d) - fromDay + 0.5) * yScale));
    const cell = (row * columns + column) * 4;
    const c = Math.min(type[i]!, types) * 3;
    cells[cell]! += 1;
    cells[cell + 1]! += rgb[c]!;
    cells[cell + 2]! += rgb[c + 1]!;
    cells[cell + 3]! += rgb[c + 2]!;
    drawn++;
  }

  // Step 3: paint each occupied cell as a square of its mean colour.
  const saturated = ALPHA_BY_COUNT.length - 1;
  for (let row = 0; row < rows; row++) {
    const y0 = row * markPx;
    const y1 = Math.min(height, y0 + markPx);
    for (let column = 0; column < columns; column++) {
      const cell = (row * columns + column) * 4;
      const count = cells[cell]!;
      if (count === 0) continue;
      const r = Math.round(cells[cell + 1]! / count);
      const g = Math.round(cells[cell + 2]! / count);
      const b = Math.round(cells[cell + 3]! / count);
      const a = ALPHA_BY_COUNT[Math.min(count, saturated)]!;
      const x0 = column * markPx;
      const x1 = Math.min(width, x0 + markPx);
      for (let y = y0; y < y1; y++) {
        for (let p = (y * width + x0) * 4, end = (y * width + x1) * 4; p < end; p += 4) {
          out[p] = r;
          out[p + 1] = g;
          out[p + 2] = b;
          out[p + 3] = a;
        }
      }
    }
  }
  return drawn;
}

export interface MarkLayout extends MarkAxes {
  /** CSS pixels. */
  width: number;
  height: number;
  devicePixelRatio: number;
}

/**
 * Draws the marks on a canvas whose backing store is `width × devicePixelRatio` pixels wide,
 * marks `MARK_CSS_PX` CSS pixels square, in the colours `describeType` gives their types.
 */
export function drawMarks(
  ctx: MarkContext,
  points: StripPoints | null,
  layout: MarkLayout,
  describeType: TypeDescriber,
): void {
  const { width, height, devicePixelRatio: dpr } = layout;
  const pixelWidth = Math.round(width * dpr);
  const pixelHeight = Math.round(height * dpr);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, pixelWidth, pixelHeight);
  if (!points || pixelWidth <= 0 || pixelHeight <= 0) return;
  const image = ctx.createImageData(pixelWidth, pixelHeight);
  rasteriseMarks(
    points,
    { ...layout, pixelWidth, pixelHeight, markPx: Math.round(MARK_CSS_PX * dpr) },
    image.data,
    describeType,
  );
  ctx.putImageData(image, 0, 0);
}

/**
 * The index of the drawn mark nearest (x, y) (CSS pixels from the top left of the chart) within
 * `radiusPx`, or -1. Marks are taken at the middle of their day.
 */
export function findNearestMark(
  points: StripPoints,
  layout: Omit<MarkLayout, 'devicePixelRatio'>,
  x: number,
  y: number,
  radiusPx: number,
): number {
  const { width, height, lengthKm, extent } = layout;
  if (width <= 0 || height <= 0 || !(lengthKm > 0)) return -1;
  // Search in km and days, scaled so that distances come out in pixels.
  const pxPerKm = kmToX(1, lengthKm, width);
  const pxPerDay = dayToY(extent.fromDay + 1, extent, height);
  const { chainageKm, day } = points;
  const n = Math.min(chainageKm.length, day.length, points.rows.length);
  let best = -1;
  let bestDistance = radiusPx * radiusPx;
  for (let i = 0; i < n; i++) {
    const km = chainageKm[i]!;
    const d = day[i]!;
    if (!isOnChart(km, d, layout)) continue;
    const dx = km * pxPerKm - x;
    const dy = (Math.floor(d) - extent.fromDay + 0.5) * pxPerDay - y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** The bytes of a `#rrggbb` colour; grey for anything else. */
function parseHex(colour: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) return [140, 140, 140];
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}
