/**
 * The dataset package's vector tiles, made from the builder's columns: raw points from
 * rawMinZoom up, and below it one aggregated point per (cell, type, side, province, distance
 * band) with its `count` and the count of each of its days (`days`, day-histogram.ts), so that
 * date, type and border filters add up exactly at every zoom. Pure: columns in, MVT bytes out
 * (package-manifest.ts names the attributes).
 */
import type { TileFeature } from '../map-tiles/encode-point-tile';
import { encodePointTile } from '../map-tiles/encode-point-tile';
import type { SpatialOrder } from '../map-tiles/spatial-order';
import { ORDER_ZOOM } from '../map-tiles/spatial-order';
import { encodeDayHistogram } from './day-histogram';
import { kmBandOf } from './km-bands';
import { TILE_LAYER } from './package-manifest';

/** What the tiles read of each incident, by its position in load order. */
export interface TileSourceColumns {
  day: Int32Array;
  type: Uint16Array;
  side: Uint8Array;
  km: Float32Array;
  chainage: Float32Array;
  province: Int16Array;
  crossing: Int16Array;
  crossingKm: Float32Array;
  part: Int32Array;
  row: Int32Array;
}

/**
 * How a zoom below rawMinZoom aggregates: cell size in pixels of a 256-pixel tile. Its points
 * always hold a day histogram (the zoom's `bin` is `days`); packages written before it may hold
 * a point per day or week.
 */
export interface AggregateStep {
  cellPx: number;
  /** Whether points are kept apart by province and distance band too (and hold them). */
  border: boolean;
}

/**
 * Cells, finest first: smaller cells keep more detail. Every step counts by day histogram, which
 * answers any date range exactly and holds a cell's days in a byte or two each: fewer bytes than
 * a point per week would take (`week` and `day` bins are read in packages written before).
 */
const CELL_SIZES = [16, 32, 64, 128, 256];

/**
 * The steps tried, finest first, until every tile of a zoom fits: larger cells keep tiles small
 * where the data is dense. Every cell with the border attributes comes before any without: only
 * where even whole-tile cells cannot hold them (many incidents spread over many provinces and
 * bands) does a zoom drop them, and a package with such a zoom cannot answer province and
 * distance filters (package-answers.ts).
 */
export const AGGREGATE_STEPS: readonly AggregateStep[] = [true, false].flatMap((border) =>
  CELL_SIZES.map((cellPx) => ({ cellPx, border })),
);

/** One tile's stretch of the spatial order. */
export interface TileRun {
  x: number;
  y: number;
  start: number;
  end: number;
}

/** The tiles of zoom z that hold points: runs of the Z-order sharing a 2z-bit prefix. */
export function* tileRuns(order: SpatialOrder, z: number): Generator<TileRun> {
  if (z > ORDER_ZOOM) throw new RangeError(`tile zoom ${z} is above ${ORDER_ZOOM}`);
  const span = 4 ** (ORDER_ZOOM - z);
  const side = 2 ** z;
  const { codes } = order;
  let start = 0;
  while (start < codes.length) {
    const prefix = Math.floor(codes[start]! / span);
    let end = start + 1;
    while (end < codes.length && Math.floor(codes[end]! / span) === prefix) end++;
    const x = Math.min(side - 1, Math.floor(order.x[start]! * side));
    const y = Math.min(side - 1, Math.floor(order.y[start]! * side));
    yield { x, y, start, end };
    start = end;
  }
}

/** The most points any one tile of zoom z holds. */
export function densestTile(order: SpatialOrder, z: number): number {
  let most = 0;
  for (const run of tileRuns(order, z)) most = Math.max(most, run.end - run.start);
  return most;
}

/**
 * The lowest zoom from `minZoom` to `maxZoom` at which no tile holds more than `maxPoints`
 * points; `maxZoom` when none is (points stacked on one position never spread).
 */
export function chooseRawMinZoom(
  order: SpatialOrder,
  maxPoints: number,
  minZoom: number,
  maxZoom: number,
): number {
  for (let z = minZoom; z < maxZoom; z++) if (densestTile(order, z) <= maxPoints) return z;
  return maxZoom;
}

/** A raw tile: one point per incident, with its attributes. */
export function encodeRawTile(
  order: SpatialOrder,
  columns: TileSourceColumns,
  z: number,
  run: TileRun,
): Uint8Array {
  const features: TileFeature[] = [];
  for (let i = run.start; i < run.end; i++) {
    const r = order.rows[i]!;
    const crossingKm = columns.crossingKm[r]!;
    features.push({
      x: order.x[i]!,
      y: order.y[i]!,
      properties: {
        day: columns.day[r]!,
        type: columns.type[r]!,
        side: columns.side[r]!,
        km: columns.km[r]!,
        chainage: columns.chainage[r]!,
        province: columns.province[r]!,
        crossing: columns.crossing[r]!,
        crossingKm: Number.isNaN(crossingKm) ? -1 : crossingKm,
        part: columns.part[r]!,
        row: columns.row[r]!,
      },
    });
  }
  return encodePointTile(features, TILE_LAYER, z, run.x, run.y);
}

/**
 * An aggregated tile: the incidents of each (cell, type, side, and with `step.border` province
 * and distance band) as one point at their mean position, with their `count` and the count of
 * each of their days (`days`).
 */
export function encodeAggregateTile(
  order: SpatialOrder,
  columns: TileSourceColumns,
  z: number,
  run: TileRun,
  step: AggregateStep,
): Uint8Array {
  const cellsPerSide = 256 / step.cellPx;
  const scale = 2 ** z * cellsPerSide;
  const groups = new Map<string, Group>();
  for (let i = run.start; i < run.end; i++) {
    const r = order.rows[i]!;
    const x = order.x[i]!;
    const y = order.y[i]!;
    const cell = `${Math.floor(x * scale)},${Math.floor(y * scale)},${columns.type[r]},${columns.side[r]}`;
    const province = columns.province[r]!;
    const kmBand = kmBandOf(columns.km[r]!);
    const key = step.border ? `${cell},${province},${kmBand}` : cell;
    const group = groups.get(key);
    if (group) {
      group.sumX += x;
      group.sumY += y;
      group.days.push(columns.day[r]!);
    } else {
      const properties = {
        type: columns.type[r]!,
        side: columns.side[r]!,
        ...(step.border ? { province, kmBand } : {}),
      };
      groups.set(key, { sumX: x, sumY: y, days: [columns.day[r]!], properties });
    }
  }
  const features: TileFeature[] = [];
  for (const { sumX, sumY, days, properties } of groups.values()) {
    const count = days.length;
    days.sort((a, b) => a - b);
    features.push({
      x: sumX / count,
      y: sumY / count,
      properties: { ...properties, count, days: encodeDayHistogram(days) },
    });
  }
  return encodePointTile(features, TILE_LAYER, z, run.x, run.y);
}

/** The incidents of one aggregated point as they are gathered. */
interface Group {
  sumX: number;
  sumY: number;
  days: number[];
  properties: Record<string, number>;
}
