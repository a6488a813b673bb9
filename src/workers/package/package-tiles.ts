/**
 * The map's tiles from a package's incidents.pmtiles, for the current filter. The worker reads
 * each tile by range requests (the pmtiles package over HTTP), keeps the points the filter keeps
 * and hands MapLibre a tile of the in-tab kind through the app's own tile protocol: single
 * incidents with their row id and type at the raw zooms, clusters with `point_count` below, so
 * the map's layers, styling and clicks stay those of the in-tab map, and a filter change never
 * reloads a MapLibre source (its `setFilter` would). At aggregated zooms the package holds counts
 * per (cell, type, side…) with the count of each day (packages written before day histograms:
 * a point per day or week): those the filter keeps are summed per cell.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { countHistogramDays } from '../../domain/package/day-histogram';
import { FetchSource, PMTiles } from 'pmtiles';
import type { PackageManifest, TileZoom } from '../../domain/package/package-manifest';
import type { TileFeature } from '../../domain/map-tiles/encode-point-tile';
import { encodePointTile } from '../../domain/map-tiles/encode-point-tile';
import {
  abbreviate,
  CLUSTER_ID_BASE,
  INCIDENT_TILE_LAYER,
  tileEtag,
} from '../../domain/map-tiles/incident-tiles';
import { latitudeOf, longitudeOf } from '../../domain/map-tiles/spatial-order';
import type { TileReply } from '../engine-protocol';
import type { PackageQuery } from './package-query';
import { keepsBorder, keepsPoint } from './package-query';

/** Pixels across a tile, as the package's cell sizes count them. */
const TILE_PX = 256;
/** The cell size of a raw zoom's dense tiles, which the package aggregates at its finest step. */
const FINEST_CELL_PX = 16;
/** A week bin's days (older packages): a bin is kept when any of its days is in the range. */
const WEEK_DAYS = 7;

export class PackageTiles {
  private readonly archive: PMTiles;

  constructor(
    url: string,
    private readonly manifest: PackageManifest,
    /** The row id of a raw point's (partition, row). */
    private readonly rowId: (part: number, row: number) => number,
  ) {
    this.archive = new PMTiles(new FetchSource(url));
  }

  /** Tile (z, x, y) of the map for `query`: read from the archive's zoom, or its deepest one. */
  async tile(
    query: PackageQuery,
    z: number,
    x: number,
    y: number,
    signal?: AbortSignal,
  ): Promise<TileReply> {
    const { maxzoom, minzoom } = this.manifest.tiles;
    if (z < minzoom || query.none) return emptyTile();
    // Deeper than the archive: its deepest tile holds the points, the map's tile a part of them.
    const dz = Math.max(0, z - maxzoom);
    const [az, ax, ay] = [z - dz, x >> dz, y >> dz];
    const zoom = this.manifest.tiles.zooms.find((level) => level.z === az);
    const read = await this.archive.getZxy(az, ax, ay, signal);
    if (!zoom || !read) return emptyTile();
    const layer = new VectorTile(new PbfReader(new Uint8Array(read.data))).layers[
      this.manifest.tiles.layer
    ];
    if (!layer) return emptyTile();
    const points: Point[] = [];
    const scale = 2 ** az;
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      const point = feature.loadGeometry()[0]?.[0];
      if (!point) continue;
      // Web Mercator [0, 1): the same for the archive's tile and the map's.
      const mx = (ax + point.x / layer.extent) / scale;
      const my = (ay + point.y / layer.extent) / scale;
      if (dz > 0 && !inTile(mx, my, z, x, y)) continue;
      points.push({ x: mx, y: my, properties: feature.properties });
    }
    // Aggregated points carry a `count`: every point below rawMinZoom, and those of the dense
    // tiles above it (many incidents on one spot), which the package aggregates at its finest step.
    const counted = points.filter((p) => 'count' in p.properties);
    const raw =
      counted.length === points.length ? [] : points.filter((p) => !('count' in p.properties));
    const features = [
      ...this.rawPoints(query, raw),
      ...this.cells(query, counted, zoom, az, ax, ay),
    ];
    const data = encodePointTile(features, INCIDENT_TILE_LAYER, z, x, y);
    return { data: copyOf(data), etag: tileEtag(data) };
  }

  /** The incidents the filter keeps, each with its row id. */
  private rawPoints(query: PackageQuery, points: Point[]): TileFeature[] {
    const features: TileFeature[] = [];
    for (const { x, y, properties: p } of points) {
      const cell = {
        type: num(p.type),
        side: num(p.side),
        province: num(p.province),
        band: -1,
        km: num(p.km),
      };
      if (!keepsPoint(query, num(p.day), cell)) continue;
      const id = this.rowId(num(p.part), num(p.row));
      if (id < 0) continue;
      const type = this.manifest.types[cell.type]?.code ?? '';
      features.push({ id, x, y, properties: { type, approx: num(p.approx) === 1 ? 1 : 0 } });
    }
    return features;
  }

  /** The counts the filter keeps, summed per cell into clusters at their mean position. */
  private cells(
    query: PackageQuery,
    points: Point[],
    zoom: TileZoom,
    az: number,
    ax: number,
    ay: number,
  ): TileFeature[] {
    const reach = zoom.bin === 'week' ? WEEK_DAYS - 1 : 0;
    const perSide = Math.max(1, Math.round(TILE_PX / (zoom.cellPx || FINEST_CELL_PX)));
    const scale = 2 ** az;
    const sums = new Map<number, { n: number; x: number; y: number }>();
    for (const { x, y, properties: p } of points) {
      const type = num(p.type);
      if (query.types[type] !== 1) continue;
      // A day histogram (day-histogram.ts), or, in packages written before it, one bin's `day`.
      const days = typeof p.days === 'string' ? p.days : null;
      if (days === null) {
        const day = num(p.day);
        if (day + reach < query.fromDay || day > query.toDay) continue;
      }
      const cell = {
        type,
        side: num(p.side),
        province: num(p.province),
        band: num(p.kmBand),
        km: NaN,
      };
      if (!keepsBorder(query, cell, true)) continue;
      const n = days === null ? num(p.count) : countHistogramDays(days, query.fromDay, query.toDay);
      if (n <= 0) continue;
      const cx = Math.min(perSide - 1, Math.floor((x * scale - ax) * perSide));
      const cy = Math.min(perSide - 1, Math.floor((y * scale - ay) * perSide));
      const key = cx * perSide + cy;
      const sum = sums.get(key) ?? { n: 0, x: 0, y: 0 };
      sum.n += n;
      sum.x += x * n;
      sum.y += y * n;
      sums.set(key, sum);
    }
    const side = scale * perSide;
    return [...sums].map(([key, { n, x, y }]) => {
      const cx = ax * perSide + Math.floor(key / perSide);
      const cy = ay * perSide + (key % perSide);
      return {
        id: CLUSTER_ID_BASE + cx * side + cy,
        x: x / n,
        y: y / n,
        properties: {
          point_count: n,
          point_count_abbreviated: abbreviate(n),
          // The cell's bounds: a click on the cluster zooms to them.
          west: round(longitudeOf(cx / side)),
          east: round(longitudeOf((cx + 1) / side)),
          north: round(latitudeOf(cy / side)),
          south: round(latitudeOf((cy + 1) / side)),
        },
      };
    });
  }
}

interface Point {
  x: number;
  y: number;
  properties: Record<string, number | string | boolean>;
}

/** A number attribute; a missing one is -1 (none), as the package writes "none". */
function num(value: unknown): number {
  return typeof value === 'number' ? value : -1;
}

function inTile(mx: number, my: number, z: number, x: number, y: number): boolean {
  const scale = 2 ** z;
  return Math.floor(mx * scale) === x && Math.floor(my * scale) === y;
}

function round(degrees: number): number {
  return Math.round(degrees * 1e5) / 1e5;
}

function emptyTile(): TileReply {
  return { data: new ArrayBuffer(0), etag: 'empty' };
}

/** The bytes in a buffer of their own, which the worker hands over without a copy. */
function copyOf(data: Uint8Array): ArrayBuffer {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
    ? (data.buffer as ArrayBuffer)
    : (data.slice().buffer as ArrayBuffer);
}
