/**
 * Point-in-polygon for a fixed list of areas (GeoJSON Polygon or MultiPolygon geometries, in
 * longitude/latitude), such as provinces or countries.
 *
 * Each area keeps its edges in a flatbush tree. A point is inside an area when a horizontal ray
 * from it to the nearer side of the area's bbox crosses the area's edges an odd number of times
 * (the even–odd rule over all rings, so holes and the parts of a MultiPolygon need no special
 * case). The tree hands over only the edges whose bbox meets the ray, so a test costs about the
 * number of edges the ray passes, not the size of the ring. A second tree over the areas' bboxes
 * picks the candidates for `locate`.
 *
 * `locate` keeps a cache of 0.1° × 0.1° cells, filled on first use: a cell that no edge's bbox
 * meets lies wholly in one area (or none), so the answer for its centre holds for all its points;
 * only points in cells that a boundary crosses are tested edge by edge.
 *
 * A point exactly on an edge shared by two areas counts in exactly one of them (edges are
 * half-open in latitude); which one is not specified.
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { CellGrid } from './cell-grid';
import { isLonLat } from './latitude-scale';

interface Area {
  /** `x0, y0, x1, y1` of each edge. */
  edges: Float64Array;
  tree: Flatbush;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface PolygonIndexOptions {
  /** Cell size of the `locate` cache in degrees; default 0.1. */
  cellDegrees?: number;
  /** Most cells the cache keeps; points in further cells are tested edge by edge. Default 2^18. */
  maxCells?: number;
}

/** Cache entry of a cell that a boundary crosses. */
const MIXED = -2;

export class PolygonIndex {
  /** Number of areas, in the order given. */
  readonly size: number;
  private readonly areas: (Area | null)[];
  private readonly bboxTree: Flatbush | null;
  /** Every edge of every area, to find the cells no boundary crosses. */
  private readonly edgeTree: Flatbush | null;
  private readonly grid: CellGrid;
  private readonly maxCells: number;
  /** Per cell key: the area that holds the whole cell, -1 for none, or MIXED. */
  private readonly cells = new Map<number, number>();

  // Query state, shared with the filter callbacks so that they are created once.
  private queryLon = 0;
  private queryLat = 0;
  private crossings = 0;
  private edges: Float64Array = new Float64Array(0);
  private eastward = true;
  private found = -1;
  private edgesMet = 0;
  private readonly countCrossing: (edge: number) => boolean;
  private readonly testCandidate: (area: number) => boolean;
  private readonly countEdge: () => boolean;

  /**
   * `geometries[i]` is area i; `null` or an empty geometry is an area that contains nothing.
   * `label(i)` names area i in error messages (e.g. `feature 3 (id "AF-KAB")`).
   */
  constructor(
    geometries: readonly (Polygon | MultiPolygon | null)[],
    label: (area: number) => string = (area) => `area ${area}`,
    options: PolygonIndexOptions = {},
  ) {
    this.size = geometries.length;
    this.areas = geometries.map((geometry, i) => buildArea(geometry, label(i)));
    this.grid = new CellGrid(options.cellDegrees ?? 0.1);
    this.maxCells = options.maxCells ?? 2 ** 18;

    const withArea = this.areas.filter((area) => area !== null).length;
    this.bboxTree = null;
    if (withArea > 0) {
      const tree = new Flatbush(this.size);
      for (const area of this.areas) {
        // An empty area gets an impossible box so tree item i stays area i.
        if (area === null) tree.add(Infinity, Infinity, -Infinity, -Infinity);
        else tree.add(area.minX, area.minY, area.maxX, area.maxY);
      }
      tree.finish();
      this.bboxTree = tree;
    }

    this.edgeTree = null;
    let edgeCount = 0;
    for (const area of this.areas) edgeCount += area === null ? 0 : area.edges.length / 4;
    if (edgeCount > 0) {
      const tree = new Flatbush(edgeCount);
      for (const area of this.areas) {
        if (area === null) continue;
        const edges = area.edges;
        for (let e = 0; e < edges.length; e += 4) {
          const x0 = edges[e]!;
          const y0 = edges[e + 1]!;
          const x1 = edges[e + 2]!;
          const y1 = edges[e + 3]!;
          tree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
        }
      }
      tree.finish();
      this.edgeTree = tree;
    }

    this.countCrossing = (edge: number): boolean => {
      const edges = this.edges;
      const y0 = edges[4 * edge + 1]!;
      const y1 = edges[4 * edge + 3]!;
      const lat = this.queryLat;
      // Half-open in latitude, so a ray through a vertex counts one of its two edges.
      if (y0 > lat !== y1 > lat) {
        const x0 = edges[4 * edge]!;
        const x1 = edges[4 * edge + 2]!;
        const x = x0 + ((lat - y0) / (y1 - y0)) * (x1 - x0);
        // The search box only bounds the edges' bboxes: count the crossing if it lies on the
        // ray's side of the point.
        if (x > this.queryLon === this.eastward) this.crossings++;
      }
      return false;
    };
    this.countEdge = (): boolean => {
      this.edgesMet++;
      return false;
    };
    this.testCandidate = (area: number): boolean => {
      if (this.found < 0 && this.contains(area, this.queryLon, this.queryLat)) this.found = area;
      return false;
    };
  }

  /** Whether area `area` contains (lon, lat). */
  contains(area: number, lon: number, lat: number): boolean {
    const a = this.areas[area];
    if (a === undefined) throw new RangeError(`area ${area} does not exist (size ${this.size})`);
    if (a === null || !(lon >= a.minX && lon <= a.maxX && lat >= a.minY && lat <= a.maxY)) {
      return false;
    }
    // Cast the ray towards the nearer side of the bbox: it meets fewer edges.
    const eastward = a.maxX - lon <= lon - a.minX;
    this.queryLon = lon;
    this.queryLat = lat;
    this.edges = a.edges;
    this.eastward = eastward;
    this.crossings = 0;
    if (eastward) a.tree.search(lon, lat, a.maxX, lat, this.countCrossing);
    else a.tree.search(a.minX, lat, lon, lat, this.countCrossing);
    return (this.crossings & 1) === 1;
  }

  /** The first area (in the order given) that contains (lon, lat), or -1. */
  locate(lon: number, lat: number): number {
    if (this.bboxTree === null || Number.isNaN(lon) || Number.isNaN(lat)) return -1;
    const whole = this.cellArea(lon, lat);
    return whole === MIXED ? this.locateExact(lon, lat) : whole;
  }

  /** Number of cells the `locate` cache holds. */
  get cachedCells(): number {
    return this.cells.size;
  }

  /** `locate` without the cache: the reference it is tested against. */
  locateExact(lon: number, lat: number): number {
    if (this.bboxTree === null || Number.isNaN(lon) || Number.isNaN(lat)) return -1;
    this.found = -1;
    this.queryLon = lon;
    this.queryLat = lat;
    this.bboxTree.search(lon, lat, lon, lat, this.testCandidate);
    // The tree visits candidates in its own order; keep the lowest area that contains the point.
    if (this.found < 0) return -1;
    let first = this.found;
    for (let area = 0; area < first; area++) {
      if (this.contains(area, lon, lat)) {
        first = area;
        break;
      }
    }
    return first;
  }

  /** The area that holds the whole cell of (lon, lat), -1 for none, or MIXED. */
  private cellArea(lon: number, lat: number): number {
    const key = this.grid.keyOf(lon, lat);
    if (key < 0) return MIXED;
    const cached = this.cells.get(key);
    if (cached !== undefined) return cached;
    if (this.cells.size >= this.maxCells) return MIXED;

    // A cell that no edge's bbox meets holds no boundary: its centre speaks for all of it.
    const cell = this.grid.degrees;
    const west = this.grid.westOf(lon);
    const south = this.grid.southOf(lat);
    const east = west + cell;
    const north = south + cell;
    // 1e-9° of margin keeps rounding in the cell's edges from letting an edge slip past.
    this.edgesMet = 0;
    this.edgeTree!.search(west - 1e-9, south - 1e-9, east + 1e-9, north + 1e-9, this.countEdge);
    const whole =
      this.edgesMet > 0 ? MIXED : this.locateExact((west + east) / 2, (south + north) / 2);
    this.cells.set(key, whole);
    return whole;
  }
}

function buildArea(geometry: Polygon | MultiPolygon | null, label: string): Area | null {
  if (geometry === null) return null;
  let polygons: Position[][][];
  if (geometry.type === 'Polygon') polygons = [geometry.coordinates];
  else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates;
  else {
    throw new TypeError(
      `${label}: geometry type "${(geometry as { type: unknown }).type}" is not Polygon or MultiPolygon`,
    );
  }

  // 1. Every edge of every ring, closing rings that do not repeat their first position.
  const edges: number[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      ring.forEach((position, v) => {
        if (!isLonLat(position)) {
          throw new RangeError(
            `${label}: polygon ${p}, ring ${r}, position ${v} (${position.join(', ')}) ` +
              'is not a longitude and latitude',
          );
        }
        const [x, y] = position;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      });
      const n = ring.length;
      if (n < 2) return;
      const closed = ring[0]![0] === ring[n - 1]![0] && ring[0]![1] === ring[n - 1]![1];
      const last = closed ? n - 1 : n;
      for (let v = 0; v < last; v++) {
        const a = ring[v]!;
        const b = ring[(v + 1) % n]!;
        edges.push(a[0]!, a[1]!, b[0]!, b[1]!);
      }
    });
  });
  if (edges.length === 0) return null;

  // 2. A tree over the edges' bboxes.
  const count = edges.length / 4;
  const tree = new Flatbush(count);
  for (let e = 0; e < count; e++) {
    const x0 = edges[4 * e]!;
    const y0 = edges[4 * e + 1]!;
    const x1 = edges[4 * e + 2]!;
    const y1 = edges[4 * e + 3]!;
    tree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  }
  tree.finish();
  return { edges: Float64Array.from(edges), tree, minX, minY, maxX, maxY };
}
