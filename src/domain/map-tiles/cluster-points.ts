/**
 * Clusters of the included incidents of a stretch of the spatial order at one zoom, the way
 * supercluster groups points (each cluster is the densest point left and everything within a
 * radius of it), but on a grid: the points are first summed into cells a fraction of the radius
 * wide, which in Z-order is a single pass (a cell's points are adjacent), and the greedy merge
 * then runs over the cells. The cost is one pass over the stretch plus the occupied cells, so
 * a million incidents cluster in a few milliseconds and every filter change can re-cluster.
 * Every included point ends in exactly one cluster, so the counts add up to the filtered total.
 */
import type { SpatialOrder } from './spatial-order';
import { ORDER_ZOOM } from './spatial-order';

/** Pixels a tile spans at its own zoom (MapLibre's vector tiles are 512 px). */
export const TILE_PX = 512;
/** Cells a tile is cut into a side before merging: 2^4 = 16 cells of 32 px. */
const CELL_LEVELS = 4;

/** Clusters as columns; a cluster of one stands for a single incident. */
export interface Clusters {
  length: number;
  /** Incidents in each cluster. */
  count: Uint32Array;
  /** Weighted centre, Web Mercator [0, 1). */
  x: Float64Array;
  y: Float64Array;
  /** Bounds of the members, Web Mercator. */
  minX: Float64Array;
  minY: Float64Array;
  maxX: Float64Array;
  maxY: Float64Array;
  /** Position in the order of one member (the only one, for a cluster of one). */
  first: Uint32Array;
}

/**
 * Clusters the points of `order` positions [start, end) whose row is included (`included[row]`
 * is 1), at zoom `zoom`, merging points within `radiusPx` pixels of a cluster's densest cell.
 */
export function clusterPoints(
  order: SpatialOrder,
  included: Uint8Array,
  start: number,
  end: number,
  zoom: number,
  radiusPx: number,
): Clusters {
  const cells = sumCells(order, included, start, end, zoom);
  return mergeCells(cells, zoom, radiusPx);
}

/** Per occupied cell: its grid position, count, coordinate sums and bounds. */
interface Cells {
  length: number;
  level: number;
  cx: Uint32Array;
  cy: Uint32Array;
  count: Uint32Array;
  sumX: Float64Array;
  sumY: Float64Array;
  minX: Float64Array;
  minY: Float64Array;
  maxX: Float64Array;
  maxY: Float64Array;
  first: Uint32Array;
}

function sumCells(
  order: SpatialOrder,
  included: Uint8Array,
  start: number,
  end: number,
  zoom: number,
): Cells {
  const level = Math.min(zoom + CELL_LEVELS, ORDER_ZOOM);
  const shift = 2 * (ORDER_ZOOM - level);
  const { rows, codes, x, y } = order;
  // Count the cells first (a new code is a new cell), to size the columns to them.
  let n = 0;
  let previous = -1;
  for (let i = start; i < end; i++) {
    if (included[rows[i]!] !== 1) continue;
    const cell = codes[i]! >>> shift;
    if (cell !== previous) {
      n++;
      previous = cell;
    }
  }
  const cells: Cells = {
    length: 0,
    level,
    cx: new Uint32Array(n),
    cy: new Uint32Array(n),
    count: new Uint32Array(n),
    sumX: new Float64Array(n),
    sumY: new Float64Array(n),
    minX: new Float64Array(n),
    minY: new Float64Array(n),
    maxX: new Float64Array(n),
    maxY: new Float64Array(n),
    first: new Uint32Array(n),
  };
  const side = 2 ** level;
  let c = -1;
  let current = -1;
  for (let i = start; i < end; i++) {
    if (included[rows[i]!] !== 1) continue;
    const cell = codes[i]! >>> shift;
    const px = x[i]!;
    const py = y[i]!;
    if (cell !== current) {
      // Z-order keeps a cell's points together: a new code is a new cell.
      current = cell;
      c++;
      cells.cx[c] = Math.floor(px * side);
      cells.cy[c] = Math.floor(py * side);
      cells.minX[c] = cells.maxX[c] = px;
      cells.minY[c] = cells.maxY[c] = py;
      cells.first[c] = i;
    } else {
      if (px < cells.minX[c]!) cells.minX[c] = px;
      if (px > cells.maxX[c]!) cells.maxX[c] = px;
      if (py < cells.minY[c]!) cells.minY[c] = py;
      if (py > cells.maxY[c]!) cells.maxY[c] = py;
    }
    cells.count[c]! += 1;
    cells.sumX[c]! += px;
    cells.sumY[c]! += py;
  }
  cells.length = c + 1;
  return cells;
}

function mergeCells(cells: Cells, zoom: number, radiusPx: number): Clusters {
  const n = cells.length;
  const side = 2 ** cells.level;
  const cellPx = (TILE_PX * 2 ** zoom) / side;
  const reach = Math.max(1, Math.ceil(radiusPx / cellPx));
  const radius = radiusPx / (TILE_PX * 2 ** zoom);
  const radius2 = radius * radius;

  const at = new Map<number, number>();
  for (let c = 0; c < n; c++) at.set(cells.cx[c]! * side + cells.cy[c]!, c);
  // Densest cells seed first; ties in Z-order, so the result does not depend on hashing.
  const seeds = Array.from({ length: n }, (_, c) => c).sort(
    (a, b) => cells.count[b]! - cells.count[a]! || a - b,
  );

  const out: Clusters = {
    length: 0,
    count: new Uint32Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    minX: new Float64Array(n),
    minY: new Float64Array(n),
    maxX: new Float64Array(n),
    maxY: new Float64Array(n),
    first: new Uint32Array(n),
  };
  const taken = new Uint8Array(n);
  let k = 0;
  for (const seed of seeds) {
    if (taken[seed]) continue;
    taken[seed] = 1;
    const centreX = cells.sumX[seed]! / cells.count[seed]!;
    const centreY = cells.sumY[seed]! / cells.count[seed]!;
    let count = cells.count[seed]!;
    let sumX = cells.sumX[seed]!;
    let sumY = cells.sumY[seed]!;
    let minX = cells.minX[seed]!;
    let minY = cells.minY[seed]!;
    let maxX = cells.maxX[seed]!;
    let maxY = cells.maxY[seed]!;
    const cx = cells.cx[seed]!;
    const cy = cells.cy[seed]!;
    for (let dx = -reach; dx <= reach; dx++) {
      for (let dy = -reach; dy <= reach; dy++) {
        if ((dx === 0 && dy === 0) || cx + dx < 0 || cy + dy < 0) continue;
        const other = at.get((cx + dx) * side + cy + dy);
        if (other === undefined || taken[other]) continue;
        const ox = cells.sumX[other]! / cells.count[other]! - centreX;
        const oy = cells.sumY[other]! / cells.count[other]! - centreY;
        if (ox * ox + oy * oy > radius2) continue;
        taken[other] = 1;
        count += cells.count[other]!;
        sumX += cells.sumX[other]!;
        sumY += cells.sumY[other]!;
        minX = Math.min(minX, cells.minX[other]!);
        minY = Math.min(minY, cells.minY[other]!);
        maxX = Math.max(maxX, cells.maxX[other]!);
        maxY = Math.max(maxY, cells.maxY[other]!);
      }
    }
    out.count[k] = count;
    out.x[k] = sumX / count;
    out.y[k] = sumY / count;
    out.minX[k] = minX;
    out.minY[k] = minY;
    out.maxX[k] = maxX;
    out.maxY[k] = maxY;
    out.first[k] = cells.first[seed]!;
    k++;
  }
  out.length = k;
  return out;
}
