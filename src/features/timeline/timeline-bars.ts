import { compareTypeCodes } from '../../domain/taxonomy';
import type { TypeDescriber } from '../../domain/type-describer';
import type { Bins, DayExtent } from './timeline-scale';
import { extentDays } from './timeline-scale';

/** The part of CanvasRenderingContext2D the bars need (a recording fake in tests). */
export type BarContext = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'fillRect' | 'fillStyle'
>;

/** The smallest height of a bar with any incident, so that single incidents stay visible. */
const MIN_BAR_PX = 1.5;
/** Headroom above the tallest bar. */
const TOP_PX = 2;

export interface BarLayout {
  /** CSS pixels. */
  width: number;
  height: number;
  devicePixelRatio: number;
  extent: DayExtent;
}

/**
 * Draws stacked bars, one per bin, types stacked in the taxonomy's order in the colours
 * `describeType` gives them, on a canvas whose backing store is `width × devicePixelRatio`
 * pixels wide.
 */
export function drawBars(
  ctx: BarContext,
  bins: Bins,
  layout: BarLayout,
  describeType: TypeDescriber,
): void {
  const { width, height, devicePixelRatio: dpr, extent } = layout;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (bins.max === 0 || width <= 0 || height <= 0) return;

  // Step 1: the geometry shared by every bar. A 1 px gap separates bars wide enough to spare it.
  const dayWidth = width / extentDays(extent);
  const binWidth = bins.binDays * dayWidth;
  const barWidth = binWidth >= 4 ? binWidth - 1 : binWidth;
  const scale = (height - TOP_PX) / bins.max;
  const barHeights = new Float64Array(bins.count);
  const xs = new Float64Array(bins.count);
  for (let b = 0; b < bins.count; b++) {
    const total = bins.totals[b]!;
    barHeights[b] = total === 0 ? 0 : Math.max(MIN_BAR_PX, total * scale);
    xs[b] = (bins.startDay + b * bins.binDays - extent.fromDay) * dayWidth;
  }

  // Step 2: one pass per type, so the fill colour is set once per type, stacking from the base.
  const order = bins.typeCodes
    .map((code, t) => ({ code, t }))
    .sort((a, b) => compareTypeCodes(a.code, b.code));
  const stacked = new Float64Array(bins.count);
  for (const { code, t } of order) {
    ctx.fillStyle = describeType(code).colour;
    const row = t * bins.count;
    for (let b = 0; b < bins.count; b++) {
      const value = bins.byType[row + b]!;
      const x = xs[b]!;
      if (value === 0 || x + binWidth <= 0 || x >= width) continue;
      const h = (value / bins.totals[b]!) * barHeights[b]!;
      ctx.fillRect(x, height - stacked[b]! - h, barWidth, h);
      stacked[b]! += h;
    }
  }
}
