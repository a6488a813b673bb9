/**
 * The located incidents in Z-order (Morton order) of their Web Mercator position, so that the
 * incidents of any map tile down to zoom 16 are one contiguous run of the order, found by two
 * binary searches. Built once per load (two counting-sort passes over 16-bit halves of the code,
 * linear in the number of incidents); a tile or a zoom level's clusters then read only the run
 * they need, in one pass.
 */
import { countingSort } from '../counting-sort';

/** Zoom of the finest grid the codes resolve: 2^16 cells a side, ~600 m at the equator. */
export const ORDER_ZOOM = 16;

export interface SpatialOrder {
  /** Row ids of the located incidents, in Z-order. */
  rows: Uint32Array;
  /** Morton code at ORDER_ZOOM of each position of `rows` (ascending). */
  codes: Uint32Array;
  /** Web Mercator x and y in [0, 1) of each position of `rows` (y grows southward). */
  x: Float64Array;
  y: Float64Array;
}

/** Web Mercator x in [0, 1) of a longitude. */
export function mercatorX(lon: number): number {
  return clampUnit((lon + 180) / 360);
}

/** Web Mercator y in [0, 1) of a latitude, from the north edge (±85.05° and beyond clamp). */
export function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return clampUnit(0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI);
}

/** Longitude of a Web Mercator x. */
export function longitudeOf(x: number): number {
  return x * 360 - 180;
}

/** Latitude of a Web Mercator y. */
export function latitudeOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

function clampUnit(value: number): number {
  // Just below 1, so that the cell index of the far edge stays on the grid.
  return value < 0 ? 0 : value >= 1 ? 1 - 2 ** -40 : value;
}

/** Spreads the low 16 bits of n to the even bits of a 32-bit word. */
function spreadBits(n: number): number {
  n &= 0xffff;
  n = (n | (n << 8)) & 0x00ff00ff;
  n = (n | (n << 4)) & 0x0f0f0f0f;
  n = (n | (n << 2)) & 0x33333333;
  n = (n | (n << 1)) & 0x55555555;
  return n;
}

/** The Morton code of grid cell (x, y): x on the even bits, y on the odd ones. */
export function mortonCode(x: number, y: number): number {
  return ((spreadBits(y) << 1) | spreadBits(x)) >>> 0;
}

/** Sorts the rows with a position (lon not NaN) into Z-order. */
export function buildSpatialOrder(lon: Float64Array, lat: Float64Array): SpatialOrder {
  const size = lon.length;
  const cells = 2 ** ORDER_ZOOM;
  // Codes by row id (unlocated rows keep 0 and are left out below).
  const codeOfRow = new Uint32Array(size);
  let located = 0;
  for (let row = 0; row < size; row++) {
    if (Number.isNaN(lon[row]!)) continue;
    located++;
    const cx = Math.floor(mercatorX(lon[row]!) * cells);
    const cy = Math.floor(mercatorY(lat[row]!) * cells);
    codeOfRow[row] = mortonCode(cx, cy);
  }
  const input = new Uint32Array(located);
  let k = 0;
  for (let row = 0; row < size; row++) if (!Number.isNaN(lon[row]!)) input[k++] = row;

  // Least significant half first; both passes are stable, so ties keep load order.
  const half = new Uint32Array(size);
  for (let row = 0; row < size; row++) half[row] = codeOfRow[row]! & 0xffff;
  let rows = countingSort(input, half, 0x10000).order;
  for (let row = 0; row < size; row++) half[row] = codeOfRow[row]! >>> 16;
  rows = countingSort(rows, half, 0x10000).order;

  const codes = new Uint32Array(located);
  const x = new Float64Array(located);
  const y = new Float64Array(located);
  for (let i = 0; i < located; i++) {
    const row = rows[i]!;
    codes[i] = codeOfRow[row]!;
    x[i] = mercatorX(lon[row]!);
    y[i] = mercatorY(lat[row]!);
  }
  return { rows, codes, x, y };
}

/** An empty order, for a table with no located incident. */
export function emptySpatialOrder(): SpatialOrder {
  return buildSpatialOrder(new Float64Array(0), new Float64Array(0));
}

/**
 * The positions [start, end) of `order` inside tile (z, x, y); z from 0 to ORDER_ZOOM. The tile's
 * codes are those sharing its 2z-bit prefix.
 */
export function tileRange(order: SpatialOrder, z: number, x: number, y: number): [number, number] {
  if (!Number.isInteger(z) || z < 0 || z > ORDER_ZOOM) {
    throw new RangeError(`tile zoom ${z} is outside 0–${ORDER_ZOOM}`);
  }
  const span = 4 ** (ORDER_ZOOM - z);
  const first = mortonCode(x, y) * span;
  return [lowerBound(order.codes, first), lowerBound(order.codes, first + span)];
}

/** First position whose code is at least `value`. */
function lowerBound(codes: Uint32Array, value: number): number {
  let low = 0;
  let high = codes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (codes[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
