/**
 * Builds a dataset package from an incident file: imports it in batches with the app's own
 * importers, measures each batch against the border with the app's own border code, keeps
 * compact columns and spills row records per month, then writes the row partitions, the counts,
 * the tiles and the manifest (package-manifest.ts defines the format).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDayNumber } from '../domain/incident-date';
import type { BorderGeography } from '../workers/engine/border-geography';
import { buildBorderGeography } from '../workers/engine/border-geography';
import { buildSpatialOrder } from '../domain/map-tiles/spatial-order';
import type { PackageManifest, PackageRejection } from '../domain/package/package-manifest';
import {
  COUNT_COLUMNS,
  PACKAGE_FILES,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  ROW_COLUMNS,
  TILE_LAYER,
} from '../domain/package/package-manifest';
import { KM_BANDS } from '../domain/package/km-bands';
import { IncidentColumns } from './incident-columns';
import { readInput } from './read-input';
import { RowSpill } from './row-spill';
import { buildCounts } from './write-counts';
import { writePartitions } from './write-partitions';
import type { TileOptions } from './write-tiles';
import { writeTiles } from './write-tiles';

/** Rejections listed in the manifest; the count says how many there were in all. */
export const LISTED_REJECTIONS = 100;

export interface BuildOptions {
  input: string;
  outDir: string;
  /** The package's name; the input's file name unless told. */
  name?: string;
  tiles?: TileOptions;
  /** Records of a CSV or GeoJSONSeq file imported at once (BATCH_RECORDS unless told). */
  batchRecords?: number;
  /** Hears progress lines. */
  log?: (message: string) => void;
  now?: Date;
}

/** The border geography the app loads, from data/. */
export function readBorderGeography(): BorderGeography {
  const read = (file: string) =>
    JSON.parse(readFileSync(fileURLToPath(new URL(`../../data/${file}`, import.meta.url)), 'utf8'));
  return {
    durandLine: read('durand-line.geojson'),
    crossings: read('crossings.geojson'),
    provinces: read('provinces.geojson'),
    countries: read('basemap/countries.geojson'),
  };
}

export async function buildPackage(options: BuildOptions): Promise<PackageManifest> {
  const log = options.log ?? (() => {});
  const border = buildBorderGeography(readBorderGeography());
  const inputBytes = statSync(options.input).size;
  mkdirSync(options.outDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'durand-package-'));
  try {
    const columns = new IncidentColumns(border);
    const spill = new RowSpill(scratch);
    const rejections: PackageRejection[] = [];
    let rejectedCount = 0;
    let lastShown = 0;
    const input = await readInput(
      options.input,
      ({ incidents, rejected }) => {
        spill.add(incidents, columns.add(incidents));
        rejectedCount += rejected.length;
        for (const r of rejected.slice(0, LISTED_REJECTIONS - rejections.length)) {
          rejections.push({
            index: r.index,
            ...(r.line !== undefined ? { line: r.line } : {}),
            ...(r.id !== undefined ? { id: r.id } : {}),
            reason: r.reason,
          });
        }
      },
      (bytes) => {
        if (bytes - lastShown < inputBytes / 20 && bytes < inputBytes) return;
        lastShown = bytes;
        log(
          `read ${percent(bytes, inputBytes)} (${columns.size} incidents, ${rejectedCount} rejected)`,
        );
      },
    );

    const partitions = writePartitions(spill, columns, options.outDir, log);
    const counts = buildCounts(columns);
    writeFileSync(join(options.outDir, PACKAGE_FILES.counts), counts.data);
    log(`counts: ${counts.rows} rows`);

    const lon = columns.lon.subarray(0, columns.size);
    const lat = columns.lat.subarray(0, columns.size);
    const order = buildSpatialOrder(lon, lat);
    const bounds = boundsOf(lon, lat);
    const tiles = await writeTiles(
      order,
      columns,
      bounds ?? [0, 0, 0, 0],
      join(options.outDir, PACKAGE_FILES.tiles),
      join(scratch, 'tiles.data'),
      options.tiles,
      log,
    );

    const typeCounts = new Array<number>(columns.typeCodes.length).fill(0);
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (let i = 0; i < columns.size; i++) {
      typeCounts[columns.type[i]!]! += 1;
      firstDay = Math.min(firstDay, columns.day[i]!);
      lastDay = Math.max(lastDay, columns.day[i]!);
    }
    const files = [PACKAGE_FILES.tiles, PACKAGE_FILES.counts, ...partitions.map((p) => p.file)].map(
      (path) => ({ path, ...digestFile(join(options.outDir, path)) }),
    );
    const manifest: PackageManifest = {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      name: options.name ?? basename(options.input),
      created: (options.now ?? new Date()).toISOString(),
      source: {
        name: basename(options.input),
        bytes: inputBytes,
        sha256: digestFile(options.input).sha256,
        format: input.format,
        layout: input.layout,
        ...(input.columns ? { columns: input.columns } : {}),
      },
      count: columns.size,
      located: order.rows.length,
      rejected: { count: rejectedCount, first: rejections },
      days:
        columns.size === 0
          ? null
          : { first: formatDayNumber(firstDay), last: formatDayNumber(lastDay) },
      types: columns.typeCodes.map((code, i) => ({ code, count: typeCounts[i]! })),
      bounds,
      provinces: border.provinces.map(({ id, name, country }) => ({ id, name, country })),
      crossings: border.crossings.map(({ id, name }) => ({ id, name })),
      tiles: {
        file: PACKAGE_FILES.tiles,
        layer: TILE_LAYER,
        minzoom: tiles.minzoom,
        maxzoom: tiles.maxzoom,
        rawMinZoom: tiles.rawMinZoom,
        compression: 'gzip',
        tileCount: tiles.tileCount,
        maxTileBytes: tiles.maxTileBytes,
        denseTiles: tiles.denseTiles,
        zooms: tiles.zooms,
      },
      counts: { file: PACKAGE_FILES.counts, rows: counts.rows, columns: [...COUNT_COLUMNS] },
      kmBands: [...KM_BANDS],
      rows: {
        columns: ROW_COLUMNS.map((c) => c.name),
        partitions: partitions.map(({ data: _data, ...partition }) => partition),
      },
      files,
    };
    writeFileSync(
      join(options.outDir, PACKAGE_FILES.manifest),
      JSON.stringify(manifest, null, 2) + '\n',
    );
    return manifest;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function percent(part: number, whole: number): string {
  return `${whole === 0 ? 100 : Math.round((part / whole) * 100)}%`;
}

function boundsOf(lon: Float64Array, lat: Float64Array): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lon.length; i++) {
    if (Number.isNaN(lon[i]!)) continue;
    w = Math.min(w, lon[i]!);
    e = Math.max(e, lon[i]!);
    s = Math.min(s, lat[i]!);
    n = Math.max(n, lat[i]!);
  }
  return w === Infinity ? null : [w, s, e, n];
}

/** Bytes and SHA-256 of a file, read in pieces (an archive may exceed what one read holds). */
export function digestFile(path: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(8 << 20);
  const handle = openSync(path, 'r');
  let bytes = 0;
  try {
    for (let read; (read = readSync(handle, buffer, 0, buffer.length, bytes)) > 0; bytes += read) {
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(handle);
  }
  return { bytes, sha256: hash.digest('hex') };
}
