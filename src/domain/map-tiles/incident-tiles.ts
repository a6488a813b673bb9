/**
 * The map's incidents as Mapbox Vector Tiles, made on demand for the current filter. At low zoom
 * a tile holds clusters (with `point_count`, as MapLibre's own GeoJSON clusters have) and the
 * incidents left alone; from CLUSTER_MAX_ZOOM + 1 it holds every incident, unless it would hold
 * more than MAX_TILE_POINTS, when it stays clustered. Small sets (CLUSTER_ABOVE or fewer) are never
 * clustered. A tile costs one pass over its stretch of the spatial order; the clusters of a zoom
 * level are made once per filter over the whole data (so none is cut at a tile's edge) and each
 * goes to the tile that holds its centre, so every incident is counted once at every zoom.
 */
import type { TileFeature } from './encode-point-tile';
import { encodePointTile } from './encode-point-tile';
import type { Clusters } from './cluster-points';
import { clusterPoints } from './cluster-points';
import type { SpatialOrder } from './spatial-order';
import { latitudeOf, longitudeOf, tileRange } from './spatial-order';

/** The one layer of every tile. */
export const INCIDENT_TILE_LAYER = 'incidents';
/** Up to this many located matching incidents none is clustered, so each stays clickable. */
export const CLUSTER_ABOVE = 2_000;
/** Clusters are made up to this zoom; from the next one every incident is drawn alone. */
export const CLUSTER_MAX_ZOOM = 8;
/** Points within this many pixels of a cluster's centre join it. */
export const CLUSTER_RADIUS = 40;
/**
 * A tile past CLUSTER_MAX_ZOOM holding more incidents than this stays clustered: drawing tens of
 * thousands of circles in one tile says nothing more and costs seconds without a GPU.
 */
export const MAX_TILE_POINTS = 5_000;
/** Feature ids of clusters start here; below it a feature id is the incident's row id. */
export const CLUSTER_ID_BASE = 2 ** 32;

/** What the tiles draw of each located incident. */
export interface TileColumns {
  order: SpatialOrder;
  /** Position in `typeCodes` of each row's type. */
  typeOf: Uint16Array;
  typeCodes: readonly string[];
  /** 1 where the row's position is only an area's centre (drawn as a ring). */
  approx: Uint8Array;
}

/** A tile's bytes, and a tag that changes whenever they do (for MapLibre's ETag check). */
export interface IncidentTile {
  data: Uint8Array;
  etag: string;
}

export class IncidentTiles {
  private included: Uint8Array;
  private includedCount = 0;
  /** Per zoom: the clusters of the whole data, and which of them each tile holds. */
  private readonly clustersByZoom = new Map<
    number,
    { clusters: Clusters; byTile: Map<number, number[]> }
  >();

  constructor(private readonly columns: TileColumns) {
    this.included = new Uint8Array(columns.typeOf.length);
  }

  /** The incidents to draw from now on: `included[row]` is 1 for each, `count` of them located. */
  setIncluded(included: Uint8Array, count: number): void {
    this.included = included;
    this.includedCount = count;
    this.clustersByZoom.clear();
  }

  /** Tile (z, x, y) as MVT bytes. */
  tile(z: number, x: number, y: number): IncidentTile {
    const features: TileFeature[] = [];
    if (this.includedCount > CLUSTER_ABOVE && z <= CLUSTER_MAX_ZOOM) {
      // A cluster's centre may fall in a tile that holds none of its points.
      const { clusters, byTile } = this.clustersAt(z);
      for (const k of byTile.get(x * 2 ** z + y) ?? []) features.push(this.feature(clusters, k));
    } else {
      const [start, end] = tileRange(this.columns.order, z, x, y);
      this.addPoints(features, z, start, end);
    }
    const data = encodePointTile(features, INCIDENT_TILE_LAYER, z, x, y);
    return { data, etag: tileEtag(data) };
  }

  private addPoints(features: TileFeature[], z: number, start: number, end: number): void {
    const { order } = this.columns;
    const included = this.included;
    let n = 0;
    for (let i = start; i < end; i++) n += included[order.rows[i]!]!;
    if (n > MAX_TILE_POINTS) {
      const clusters = clusterPoints(order, included, start, end, z, CLUSTER_RADIUS);
      for (let k = 0; k < clusters.length; k++) features.push(this.feature(clusters, k));
      return;
    }
    for (let i = start; i < end; i++) {
      if (included[order.rows[i]!] === 1) features.push(this.point(i));
    }
  }

  private clustersAt(z: number) {
    let level = this.clustersByZoom.get(z);
    if (!level) {
      const { order } = this.columns;
      const clusters = clusterPoints(order, this.included, 0, order.rows.length, z, CLUSTER_RADIUS);
      const byTile = new Map<number, number[]>();
      const side = 2 ** z;
      for (let k = 0; k < clusters.length; k++) {
        const key = Math.floor(clusters.x[k]! * side) * side + Math.floor(clusters.y[k]! * side);
        const list = byTile.get(key);
        if (list) list.push(k);
        else byTile.set(key, [k]);
      }
      level = { clusters, byTile };
      this.clustersByZoom.set(z, level);
    }
    return level;
  }

  private feature(clusters: Clusters, k: number): TileFeature {
    if (clusters.count[k] === 1) return this.point(clusters.first[k]!);
    const count = clusters.count[k]!;
    return {
      id: CLUSTER_ID_BASE + this.columns.order.rows[clusters.first[k]!]!,
      x: clusters.x[k]!,
      y: clusters.y[k]!,
      properties: {
        point_count: count,
        point_count_abbreviated: abbreviate(count),
        west: round(longitudeOf(clusters.minX[k]!)),
        east: round(longitudeOf(clusters.maxX[k]!)),
        north: round(latitudeOf(clusters.minY[k]!)),
        south: round(latitudeOf(clusters.maxY[k]!)),
      },
    };
  }

  private point(position: number): TileFeature {
    const { order, typeOf, typeCodes, approx } = this.columns;
    const row = order.rows[position]!;
    return {
      id: row,
      x: order.x[position]!,
      y: order.y[position]!,
      properties: { type: typeCodes[typeOf[row]!]!, approx: approx[row]! },
    };
  }
}

/** "12", "1.2k", "34k", as MapLibre abbreviates cluster counts. */
export function abbreviate(count: number): string {
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  if (count >= 1_000) return `${Math.round(count / 100) / 10}k`;
  return String(count);
}

function round(degrees: number): number {
  return Math.round(degrees * 1e5) / 1e5;
}

/** FNV-1a over the bytes: a cheap tag for "this tile did not change". */
/** A tag that changes whenever a tile's bytes do (for MapLibre's ETag check). */
export function tileEtag(data: Uint8Array): string {
  return `${data.length.toString(36)}-${hash(data).toString(36)}`;
}

function hash(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
