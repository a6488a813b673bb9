/**
 * Nearest-segment search over a fixed set of straight segments in longitude/latitude, with
 * distances in km on the WGS84 ellipsoid (cheap-ruler's scales, see latitude-scale.ts). A point is
 * a segment whose two ends coincide, so the same index serves a polyline and a set of points.
 *
 * A segment is straight in longitude/latitude; on the border line (segments of up to 37 km) its
 * midpoint lies at most 9 m from the great-circle arc's.
 *
 * Search:
 * 1. Tree search, in two flatbush queries. The tree holds segment bboxes in a plane where x is
 *    longitude scaled so that a unit is about as long east–west as north–south. The segment with
 *    the nearest bbox gives a first distance d; then every segment whose bbox lies within d / L of
 *    the query is measured, where L is a lower bound on km per plane unit. No nearer segment can
 *    be missed.
 * 2. Cell cache, in front of the tree. Queries fall in cells of 0.1° × 0.1°. The first query in a
 *    cell finds, by tree search, the distance d_c from the cell's centre to the line and keeps the
 *    segments within d_c + 2h of the centre (h: the centre-to-corner distance), sorted by that
 *    distance. By the triangle inequality the nearest segment to any point of the cell is among
 *    them. A later query p measures them in order and stops once the next one's distance to the
 *    centre, less |p − centre|, exceeds the best found. Results equal the tree search's.
 * 3. Sets of up to 16 segments (such as a few crossings) are simply all measured.
 */
import Flatbush from 'flatbush';
import { CellGrid } from './cell-grid';
import { distanceKm, kmPerDegreeLat, kmPerDegreeLon } from './latitude-scale';

/** Where a query point meets the nearest segment. Reused between queries to avoid allocation. */
export interface SegmentHit {
  /** Segment number, -1 when the index is empty. */
  segment: number;
  /** Position of the nearest point along the segment, 0 at its start and 1 at its end. */
  t: number;
  /** Distance in km from the query to the nearest point; NaN when the index is empty. */
  km: number;
  /** The nearest point. */
  lon: number;
  lat: number;
}

export function makeSegmentHit(): SegmentHit {
  return { segment: -1, t: NaN, km: NaN, lon: NaN, lat: NaN };
}

export interface SegmentIndexOptions {
  /** Cell size of the cache in degrees; default 0.1. */
  cellDegrees?: number;
  /** Most cells the cache keeps; queries in further cells use the tree. Default 2^18. */
  maxCells?: number;
  /** Up to this many segments are all measured, without tree or cache; default 16. */
  bruteForceMax?: number;
}

/**
 * Slack for the triangle inequality: `distanceKm` is not exactly a metric, but it is within 0.1 %
 * of the ellipsoidal geodesic (a metric) up to 1,000 km, so the cache is exact that far out.
 */
const TRIANGLE_SLACK = 0.002;

export class SegmentIndex {
  /** Number of segments. */
  readonly size: number;
  /** `x0, y0, x1, y1` (lon, lat) of each segment. */
  private readonly ends: Float64Array;
  private readonly tree: Flatbush | null;
  /** Plane x = lon × xScale, y = lat. */
  private readonly xScale: number;
  /** Most poleward latitude of any vertex, in absolute degrees. */
  private readonly maxAbsLat: number;
  private readonly grid: CellGrid;
  private readonly maxCells: number;
  /** Per cell key: segment numbers and their km from the cell centre, interleaved, nearest first. */
  private readonly cells = new Map<number, Float64Array>();

  // Query state, shared with the filter callbacks so that they are created once.
  private queryLon = 0;
  private queryLat = 0;
  private best: SegmentHit = makeSegmentHit();
  private readonly scratch: SegmentHit = makeSegmentHit();
  private collectLimitKm = 0;
  private collected: number[] = [];
  private readonly measureCandidate: (segment: number) => boolean;
  private readonly collectCandidate: (segment: number) => boolean;

  /** `ends` holds four numbers per segment: start lon, start lat, end lon, end lat. */
  constructor(ends: Float64Array, options: SegmentIndexOptions = {}) {
    if (ends.length % 4 !== 0) {
      throw new RangeError(`segment ends: length ${ends.length} is not a multiple of 4`);
    }
    this.size = ends.length / 4;
    this.ends = ends;
    this.grid = new CellGrid(options.cellDegrees ?? 0.1);
    this.maxCells = options.maxCells ?? 2 ** 18;
    let maxAbsLat = 0;
    for (let i = 0; i < ends.length; i++) {
      const value = ends[i]!;
      const isLat = (i & 1) === 1;
      if (!Number.isFinite(value) || (isLat ? Math.abs(value) > 90 : Math.abs(value) > 180)) {
        throw new RangeError(
          `segment ${i >> 2}: ${isLat ? 'latitude' : 'longitude'} ${value} is out of range`,
        );
      }
      if (isLat) maxAbsLat = Math.max(maxAbsLat, Math.abs(value));
    }
    this.maxAbsLat = maxAbsLat;
    // At the most poleward vertex one plane unit is the same km east–west and north–south;
    // nearer the equator a unit of x is longer than a unit of y, never shorter.
    this.xScale = kmPerDegreeLon(maxAbsLat) / kmPerDegreeLat(maxAbsLat);

    this.tree = null;
    if (this.size > (options.bruteForceMax ?? 16)) {
      const tree = new Flatbush(this.size);
      for (let s = 0; s < this.size; s++) {
        const x0 = ends[4 * s]! * this.xScale;
        const y0 = ends[4 * s + 1]!;
        const x1 = ends[4 * s + 2]! * this.xScale;
        const y1 = ends[4 * s + 3]!;
        tree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
      }
      tree.finish();
      this.tree = tree;
    }

    this.measureCandidate = (segment: number): boolean => {
      this.measure(segment, this.queryLon, this.queryLat, this.best);
      return false; // never collect: the nearest so far is kept in `best`
    };
    this.collectCandidate = (segment: number): boolean => {
      const scratch = this.scratch;
      scratch.km = Infinity;
      this.measure(segment, this.queryLon, this.queryLat, scratch);
      if (scratch.km <= this.collectLimitKm) this.collected.push(segment, scratch.km);
      return false;
    };
  }

  /** Number of cells the cache holds. */
  get cachedCells(): number {
    return this.cells.size;
  }

  /** The nearest point of any segment to (lon, lat), written into `out`, which is returned. */
  nearest(lon: number, lat: number, out: SegmentHit = makeSegmentHit()): SegmentHit {
    out.segment = -1;
    out.t = out.km = out.lon = out.lat = NaN;
    if (this.size === 0 || Number.isNaN(lon) || Number.isNaN(lat)) return out;
    out.km = Infinity;
    if (this.tree === null) {
      for (let s = 0; s < this.size; s++) this.measure(s, lon, lat, out);
      return out;
    }
    const candidates = this.cellCandidates(lon, lat);
    if (candidates === null) return this.searchTree(lon, lat, out);

    // Candidates in order of their distance from the cell centre: once that distance, less the
    // query's offset from the centre, exceeds the best, no later candidate can be nearer.
    const half = this.grid.degrees / 2;
    const centreLon = this.grid.westOf(lon) + half;
    const centreLat = this.grid.southOf(lat) + half;
    const offsetKm = distanceKm(lon, lat, centreLon, centreLat) * (1 + TRIANGLE_SLACK) + 1e-6;
    for (let i = 0; i < candidates.length; i += 2) {
      if (candidates[i + 1]! * (1 - TRIANGLE_SLACK) - offsetKm > out.km) break;
      this.measure(candidates[i]!, lon, lat, out);
    }
    return out;
  }

  /** Nearest by tree search only (the cache's reference; also used to fill it). */
  searchTree(lon: number, lat: number, out: SegmentHit = makeSegmentHit()): SegmentHit {
    const tree = this.tree;
    out.segment = -1;
    out.t = out.lon = out.lat = NaN;
    out.km = Infinity;
    if (tree === null) {
      for (let s = 0; s < this.size; s++) this.measure(s, lon, lat, out);
      if (this.size === 0) out.km = NaN;
      return out;
    }
    const x = lon * this.xScale;

    // 1. The segment with the nearest bbox, measured exactly.
    this.measure(tree.neighbors(x, lat, 1)[0]!, lon, lat, out);

    // 2. Every segment whose bbox could hold a nearer point.
    this.queryLon = lon;
    this.queryLat = lat;
    this.best = out;
    tree.neighbors(x, lat, Infinity, this.planeRadius(lat, out.km), this.measureCandidate);
    return out;
  }

  /** The cached candidates of the cell holding (lon, lat), filling the cell if needed. */
  private cellCandidates(lon: number, lat: number): Float64Array | null {
    const key = this.grid.keyOf(lon, lat);
    if (key < 0) return null;
    let candidates = this.cells.get(key);
    if (candidates !== undefined) return candidates;
    if (this.cells.size >= this.maxCells) return null;

    // 1. Distance from the centre to the line, and from the centre to the farthest corner.
    const cell = this.grid.degrees;
    const west = this.grid.westOf(lon);
    const south = this.grid.southOf(lat);
    const centreLon = west + cell / 2;
    const centreLat = south + cell / 2;
    const centreKm = this.searchTree(centreLon, centreLat, this.scratch).km;
    const cornerKm = Math.max(
      distanceKm(centreLon, centreLat, west, south),
      distanceKm(centreLon, centreLat, west, south + cell),
    );

    // 2. Every segment within centreKm + 2 × cornerKm of the centre, nearest first.
    const limitKm = (centreKm + 2 * cornerKm) * (1 + TRIANGLE_SLACK) + 1e-6;
    this.queryLon = centreLon;
    this.queryLat = centreLat;
    this.collectLimitKm = limitKm;
    this.collected = [];
    this.tree!.neighbors(
      centreLon * this.xScale,
      centreLat,
      Infinity,
      this.planeRadius(centreLat, limitKm),
      this.collectCandidate,
    );
    const pairs: [number, number][] = [];
    for (let i = 0; i < this.collected.length; i += 2) {
      pairs.push([this.collected[i]!, this.collected[i + 1]!]);
    }
    pairs.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    candidates = Float64Array.from(pairs.flat());
    this.cells.set(key, candidates);
    return candidates;
  }

  /**
   * The plane distance within which every segment nearer than `km` to a query at `lat` lies.
   * km per plane unit is at least the smaller of the east–west scale at the pair's most poleward
   * possible mean latitude (max of |lat| and maxAbsLat) and the north–south scale at the equator;
   * 0.1 % is given away for the interpolation of the scales.
   */
  private planeRadius(lat: number, km: number): number {
    const poleward = Math.max(Math.abs(lat), this.maxAbsLat);
    const eastWest = kmPerDegreeLon(poleward) / this.xScale;
    const kmPerUnit = Math.min(eastWest, kmPerDegreeLat(0)) * 0.999;
    return kmPerUnit > 0 ? (km / kmPerUnit) * (1 + 1e-9) : Infinity;
  }

  /** Measures one segment and keeps it in `hit` if it is nearer than what `hit` holds. */
  private measure(segment: number, lon: number, lat: number, hit: SegmentHit): void {
    const ends = this.ends;
    const x0 = ends[4 * segment]!;
    const y0 = ends[4 * segment + 1]!;
    const x1 = ends[4 * segment + 2]!;
    const y1 = ends[4 * segment + 3]!;

    // Project onto the segment in km, scaled at the mean latitude of the query and the segment.
    const mid = (lat + (y0 + y1) / 2) / 2;
    const kx = kmPerDegreeLon(mid);
    const ky = kmPerDegreeLat(mid);
    const dx = (x1 - x0) * kx;
    const dy = (y1 - y0) * ky;
    const length2 = dx * dx + dy * dy;
    let t = 0;
    if (length2 > 0) {
      t = ((lon - x0) * kx * dx + (lat - y0) * ky * dy) / length2;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
    }
    const footLon = x0 + (x1 - x0) * t;
    const footLat = y0 + (y1 - y0) * t;

    // Distance to the foot, scaled at the mean latitude of the query and the foot.
    const km = distanceKm(lon, lat, footLon, footLat);

    // Ties go to the lower segment number, so results do not depend on the visiting order.
    if (km < hit.km || (km === hit.km && segment < hit.segment)) {
      hit.segment = segment;
      hit.t = t;
      hit.km = km;
      hit.lon = footLon;
      hit.lat = footLat;
    }
  }
}
