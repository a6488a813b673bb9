/**
 * The dataset package's manifest: the one definition of the package format that the builder
 * (`npm run package`) writes and the app's package reader reads. A manifest arrives over the
 * network, so `readPackageManifest` treats it as untrusted: every field is checked once, here,
 * with an error naming the field and the value; `__proto__` keys are never read.
 */
import { describeValue } from '../value-words';
import {
  PackageManifestError,
  readArray,
  readEnum,
  readNumber,
  readRecord,
  readText,
} from './json-fields';
import type { Fields } from './json-fields';

export { PackageManifestError } from './json-fields';

export const PACKAGE_FORMAT = 'durand-line-map-package';
/** The newest format version this app writes and reads. */
export const PACKAGE_VERSION = 1;

/** The files of a package, relative to the manifest's URL. */
export const PACKAGE_FILES = {
  manifest: 'manifest.json',
  tiles: 'incidents.pmtiles',
  counts: 'counts.parquet',
  rowsFolder: 'rows',
} as const;

/** The file of the rows of one calendar month (`2025-10`). */
export function rowPartitionFile(month: string): string {
  return `${PACKAGE_FILES.rowsFolder}/${month}.parquet`;
}

/** The one vector-tile layer of incidents.pmtiles. */
export const TILE_LAYER = 'incidents';

/**
 * Attributes of a raw point (zoom ≥ rawMinZoom), one per located incident. `day`: days since
 * 1970-01-01; `type`: index into `manifest.types`; `side`: SIDE_CODES; `km`: distance from the
 * line; `chainage`: km along it from the Iran tripoint; `province`, `crossing`: index into
 * `manifest.provinces` / `manifest.crossings` (-1 none); `crossingKm`: km to that crossing (-1
 * none); `part`, `row`: the incident's partition (index into `manifest.rows.partitions`) and its
 * row in that file, so one range read opens it.
 */
export const RAW_TILE_ATTRIBUTES = [
  'day',
  'type',
  'side',
  'km',
  'chainage',
  'province',
  'crossing',
  'crossingKm',
  'part',
  'row',
] as const;

/**
 * Attributes of an aggregated point (zoom < rawMinZoom): the incidents of one (cell, bin, type,
 * side, province, kmBand) and their `count`. Where the zoom's `bin` is `days`, the point holds
 * all the days of its incidents as `days` (text: the count of each day, day-histogram.ts) in
 * place of `day`; else `day` is the bin's first day: the day itself, or the Monday of the week
 * where the `bin` is `week`. Either way the point answers the date filter (`day` below stands
 * for both). `province` as on raw points (-1 none);
 * `kmBand`: the distance band (index into `manifest.kmBands`, -1 unmeasured). The point sits at
 * the mean position of its incidents. A zoom whose tiles cannot hold the border attributes
 * within the size limit even by week in whole-tile cells (`border: false` in its zoom record)
 * holds BORDERLESS_TILE_ATTRIBUTES only, as every aggregated point did before `border` existed.
 */
export const AGGREGATE_TILE_ATTRIBUTES = [
  'day',
  'type',
  'side',
  'province',
  'kmBand',
  'count',
] as const;

/** Attributes of an aggregated point at a zoom with `border: false`. */
export const BORDERLESS_TILE_ATTRIBUTES = ['day', 'type', 'side', 'count'] as const;

/** The attributes every aggregated point of these zooms holds. */
export function heldTileAttributes(zooms: readonly TileZoom[]): readonly string[] {
  return zooms.every((zoom) => zoom.border)
    ? AGGREGATE_TILE_ATTRIBUTES
    : BORDERLESS_TILE_ATTRIBUTES;
}

/** `side` codes of tiles, counts and rows (the app's SIDE_UNKNOWN, SIDE_AF, SIDE_PK). */
export const SIDE_CODES = { none: 0, AF: 1, PK: 2 } as const;

/** Columns of counts.parquet, all integers: one row per distinct (day … kmBand) with its count. */
export const COUNT_COLUMNS = ['day', 'type', 'side', 'province', 'kmBand', 'count'] as const;

/**
 * Columns of rows/<YYYY-MM>.parquet, sorted by day then id. `feature` is the GeoJSON Feature as
 * it was loaded (JSON text), so an export from the package equals the in-tab export; the others
 * are what the list and filters read. Measures are null (and province, crossing -1) for an
 * unlocated incident.
 */
export const ROW_COLUMNS = [
  { name: 'index', type: 'INT32' },
  { name: 'id', type: 'STRING' },
  { name: 'date', type: 'STRING' },
  { name: 'datePrecision', type: 'STRING' },
  { name: 'day', type: 'INT32' },
  { name: 'type', type: 'INT32' },
  { name: 'lon', type: 'DOUBLE' },
  { name: 'lat', type: 'DOUBLE' },
  { name: 'side', type: 'INT32' },
  { name: 'km', type: 'FLOAT' },
  { name: 'chainage', type: 'FLOAT' },
  { name: 'province', type: 'INT32' },
  { name: 'crossing', type: 'INT32' },
  { name: 'crossingKm', type: 'FLOAT' },
  { name: 'feature', type: 'STRING' },
] as const;
export type RowColumnName = (typeof ROW_COLUMNS)[number]['name'];

/**
 * How a zoom's aggregated points hold their days: `days`, a histogram of every day (text, see
 * day-histogram.ts); `day`, a point per day; `week`, a point per week (Monday its `day`).
 */
export type TileBin = 'days' | 'day' | 'week';
const TILE_BINS: readonly TileBin[] = ['days', 'day', 'week'];
export type TileCompression = 'gzip' | 'none';
const COMPRESSIONS: readonly TileCompression[] = ['gzip', 'none'];

export interface PackageFile {
  /** Relative to the manifest, `/`-separated. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface PackageRejection {
  /** Position among the file's features or rows (0-based), as the load report lists it. */
  index: number;
  line?: number;
  id?: string;
  reason: string;
}

export interface TileZoom {
  z: number;
  /** Aggregation cell size in tile pixels (of 256); 0 at raw zooms. */
  cellPx: number;
  bin: TileBin;
  /** True where points are raw, one per incident. */
  raw: boolean;
  /**
   * True when its aggregated points (every one below rawMinZoom, the dense tiles' above) hold
   * `province` and `kmBand`. Absent (read as false) in manifests written before it existed.
   */
  border: boolean;
}

export interface RowPartition {
  file: string;
  /** `YYYY-MM`. */
  month: string;
  /** First and last day (days since 1970-01-01) of its rows. */
  from: number;
  to: number;
  count: number;
  /** Rows per row group (the last may hold fewer); row group `g` holds rows g·size … */
  rowGroupSize: number;
  rowGroups: number;
  bytes: number;
}

export interface PackageManifest {
  format: typeof PACKAGE_FORMAT;
  version: typeof PACKAGE_VERSION;
  name: string;
  /** ISO timestamp of the build. */
  created: string;
  source: {
    name: string;
    bytes: number;
    sha256: string;
    format: string;
    layout: string;
    /**
     * A table's (CSV, XLSX) header in order, repeated names kept, so a CSV export from the
     * package writes the header the tab would. Absent for other formats and in older packages.
     */
    columns?: string[];
  };
  /** Incidents loaded (located or not). */
  count: number;
  /** Incidents with coordinates: those in the tiles. */
  located: number;
  rejected: { count: number; first: PackageRejection[] };
  /** ISO dates of the first and last day; null for a package of no incident. */
  days: { first: string; last: string } | null;
  /** Position = the type code used in tiles, counts and rows. */
  types: Array<{ code: string; count: number }>;
  /** [west, south, east, north] of the located incidents; null when none is located. */
  bounds: [number, number, number, number] | null;
  provinces: Array<{ id: string; name: string; country: string }>;
  crossings: Array<{ id: string; name: string }>;
  tiles: {
    file: string;
    layer: string;
    minzoom: number;
    maxzoom: number;
    rawMinZoom: number;
    compression: TileCompression;
    tileCount: number;
    /** Largest tile before compression. */
    maxTileBytes: number;
    /**
     * Tiles at zooms ≥ rawMinZoom too dense for raw points (many incidents on one spot), which
     * hold aggregated points (with `count`) instead; 0 in most packages. Absent (read as 0) in
     * manifests written before it existed.
     */
    denseTiles: number;
    zooms: TileZoom[];
  };
  counts: { file: string; rows: number; columns: string[] };
  /** Lower edges of the distance bands of counts.parquet, km; band i is [kmBands[i], kmBands[i+1]). */
  kmBands: number[];
  rows: { columns: string[]; partitions: RowPartition[] };
  /** Every file of the package but the manifest. */
  files: PackageFile[];
}

/**
 * Checks untrusted JSON (already parsed) as a package manifest and returns a clean copy holding
 * only the known fields. Throws PackageManifestError naming the field and the value.
 */
export function readPackageManifest(json: unknown): PackageManifest {
  const m = readRecord(json, 'manifest');
  const format = m.get('format');
  if (format !== PACKAGE_FORMAT) {
    throw new PackageManifestError(
      `This is not a dataset package manifest: format is ${describeValue(format)}, expected "${PACKAGE_FORMAT}". Open the manifest.json written by "npm run package".`,
    );
  }
  const version = m.get('version');
  if (version !== PACKAGE_VERSION) {
    throw new PackageManifestError(
      `manifest.version ${describeValue(version)} is not one this app reads (${PACKAGE_VERSION}): rebuild the package with this version of "npm run package".`,
    );
  }
  const source = m.record('source');
  const rejected = m.record('rejected');
  const tiles = m.record('tiles');
  const counts = m.record('counts');
  const rows = m.record('rows');
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    name: m.text('name'),
    created: m.text('created'),
    source: {
      name: source.text('name'),
      bytes: source.integer('bytes'),
      sha256: source.text('sha256'),
      format: source.text('format'),
      layout: source.text('layout'),
      ...(source.has('columns') ? { columns: source.values('columns', readText) } : {}),
    },
    count: m.integer('count'),
    located: m.integer('located'),
    rejected: {
      count: rejected.integer('count'),
      first: rejected.list('first', (r) => ({
        index: r.integer('index'),
        ...(r.has('line') ? { line: r.integer('line') } : {}),
        ...(r.has('id') ? { id: r.text('id') } : {}),
        reason: r.text('reason'),
      })),
    },
    days: m.get('days') === null ? null : readDays(m.record('days')),
    types: m.list('types', (t) => ({ code: t.text('code'), count: t.integer('count') })),
    bounds: m.get('bounds') === null ? null : readBounds(m),
    provinces: m.list('provinces', (p) => ({
      id: p.text('id'),
      name: p.text('name'),
      country: p.text('country'),
    })),
    crossings: m.list('crossings', (c) => ({ id: c.text('id'), name: c.text('name') })),
    tiles: {
      file: tiles.text('file'),
      layer: tiles.text('layer'),
      minzoom: tiles.integer('minzoom'),
      maxzoom: tiles.integer('maxzoom'),
      rawMinZoom: tiles.integer('rawMinZoom'),
      compression: readEnum(tiles, 'compression', COMPRESSIONS),
      tileCount: tiles.integer('tileCount'),
      maxTileBytes: tiles.integer('maxTileBytes'),
      denseTiles: tiles.has('denseTiles') ? tiles.integer('denseTiles') : 0,
      zooms: tiles.list('zooms', (z) => ({
        z: z.integer('z'),
        cellPx: z.number('cellPx'),
        bin: readEnum(z, 'bin', TILE_BINS),
        raw: z.boolean('raw'),
        border: z.has('border') ? z.boolean('border') : false,
      })),
    },
    counts: {
      file: counts.text('file'),
      rows: counts.integer('rows'),
      columns: counts.values('columns', readText),
    },
    kmBands: m.values('kmBands', readNumber),
    rows: {
      columns: rows.values('columns', readText),
      partitions: rows.list('partitions', (p) => ({
        file: p.text('file'),
        month: p.text('month'),
        from: p.integer('from'),
        to: p.integer('to'),
        count: p.integer('count'),
        rowGroupSize: p.integer('rowGroupSize'),
        rowGroups: p.integer('rowGroups'),
        bytes: p.integer('bytes'),
      })),
    },
    files: m.list('files', (f) => ({
      path: f.text('path'),
      bytes: f.integer('bytes'),
      sha256: f.text('sha256'),
    })),
  };
}

function readDays(days: Fields): { first: string; last: string } {
  return { first: days.text('first'), last: days.text('last') };
}

function readBounds(m: Fields): [number, number, number, number] {
  const bounds = readArray(m.get('bounds'), 'manifest.bounds');
  if (bounds.length !== 4) {
    throw new PackageManifestError(
      `manifest.bounds must be [west, south, east, north], got ${bounds.length} numbers.`,
    );
  }
  const [w, s, e, n] = bounds.map((v, i) => readNumber(v, `manifest.bounds[${i}]`));
  return [w!, s!, e!, n!];
}
