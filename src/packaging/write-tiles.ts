/**
 * Writes incidents.pmtiles: every tile of every zoom that holds an incident, each at most
 * MAX_TILE_BYTES before compression. Tiles go to a scratch file as they are made (never all in
 * memory), then the archive is that data behind the header and directories.
 */
import { closeSync, createReadStream, createWriteStream, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'fflate';
import { zxyToTileId } from 'pmtiles';
import type { SpatialOrder } from '../domain/map-tiles/spatial-order';
import type { TileZoom } from '../domain/package/package-manifest';
import {
  AGGREGATE_TILE_ATTRIBUTES,
  RAW_TILE_ATTRIBUTES,
  TILE_LAYER,
} from '../domain/package/package-manifest';
import type { AggregateStep, TileRun, TileSourceColumns } from '../domain/package/package-tiles';
import {
  AGGREGATE_STEPS,
  chooseRawMinZoom,
  encodeAggregateTile,
  encodeRawTile,
  tileRuns,
} from '../domain/package/package-tiles';
import type { TileEntry } from '../domain/package/pmtiles-writer';
import { writeArchiveHead } from '../domain/package/pmtiles-writer';

/** Largest tile, in bytes before compression (the limit MapLibre and readers are kind to). */
export const MAX_TILE_BYTES = 500_000;
/** Most points a raw tile is planned to hold; about 100 bytes each keeps it well under the limit. */
export const RAW_TILE_POINTS = 4_000;
/** Raw points start at this zoom at the latest. */
const MAX_RAW_MIN_ZOOM = 14;
/** Raw tiles go up to this zoom at least, so a point drawn deeper is placed within ~10 m. */
const MIN_MAX_ZOOM = 10;

export interface TileOptions {
  /** Most points a raw tile is planned to hold (RAW_TILE_POINTS unless told, e.g. by tests). */
  rawTilePoints?: number;
  maxTileBytes?: number;
}

export interface TilesSummary {
  minzoom: number;
  maxzoom: number;
  rawMinZoom: number;
  zooms: TileZoom[];
  tileCount: number;
  /** Largest tile before compression. */
  maxTileBytes: number;
  /** Tiles at raw zooms too dense for raw points, aggregated by day at the finest cells that fit. */
  denseTiles: number;
  bytes: number;
}

/** Writes the archive of `order`'s points to `path`, using `scratchPath` for the tile data. */
export async function writeTiles(
  order: SpatialOrder,
  columns: TileSourceColumns,
  bounds: [number, number, number, number],
  path: string,
  scratchPath: string,
  options: TileOptions = {},
  log: (message: string) => void = () => {},
): Promise<TilesSummary> {
  const limit = options.maxTileBytes ?? MAX_TILE_BYTES;
  const rawMinZoom = chooseRawMinZoom(
    order,
    options.rawTilePoints ?? RAW_TILE_POINTS,
    0,
    MAX_RAW_MIN_ZOOM,
  );
  const maxzoom = Math.max(rawMinZoom, MIN_MAX_ZOOM);
  const scratch = openSync(scratchPath, 'w');
  const entries: TileEntry[] = [];
  let offset = 0;
  let maxTileBytes = 0;
  let denseTiles = 0;
  const put = (z: number, x: number, y: number, tile: Uint8Array) => {
    const stored = gzipSync(tile);
    writeSync(scratch, stored);
    entries.push({ tileId: zxyToTileId(z, x, y), offset, length: stored.length });
    offset += stored.length;
    maxTileBytes = Math.max(maxTileBytes, tile.length);
  };

  // Province and distance are answered only when every zoom holds them. Zoom 0 in one cell
  // (every point in it) is the hardest test: where it cannot hold them, no zoom is given them, so
  // the deeper zooms keep the finer steps they had without them.
  const border = fitsBorder(order, columns, limit);
  const steps = AGGREGATE_STEPS.filter((step) => border || !step.border);
  if (!border) log('tiles: too dense for province and distance band in low-zoom tiles');

  const zooms: TileZoom[] = [];
  for (let z = rawMinZoom; z <= maxzoom; z++) {
    let border = true;
    for (const run of tileRuns(order, z)) {
      let tile = encodeRawTile(order, columns, z, run);
      if (tile.length > limit) {
        const dense = fitAggregate(order, columns, z, run, limit, steps);
        tile = dense.tile;
        border &&= dense.border;
        denseTiles++;
      }
      put(z, run.x, run.y, tile);
    }
    zooms.push({ z, cellPx: 0, bin: 'days', raw: true, border });
    log(
      `tiles: zoom ${z} raw${border ? '' : ', its dense tiles without province and distance band'}`,
    );
  }
  // Below rawMinZoom, from the deepest zoom up: a zoom never needs a finer step than the one below.
  let stepIndex = 0;
  for (let z = rawMinZoom - 1; z >= 0; z--) {
    const { step, index, tiles } = fitZoom(order, columns, z, stepIndex, limit, steps);
    stepIndex = index;
    for (const t of tiles) put(z, t.x, t.y, t.tile);
    zooms.unshift({ z, cellPx: step.cellPx, bin: 'days', raw: false, border: step.border });
    log(
      `tiles: zoom ${z} aggregated by ${step.cellPx} px cells${step.border ? '' : ', without province and distance band'}`,
    );
  }
  closeSync(scratch);

  entries.sort((a, b) => a.tileId - b.tileId);
  const head = writeArchiveHead({
    entries,
    tileDataBytes: offset,
    metadata: tileMetadata(rawMinZoom, maxzoom),
    internalCompression: 'gzip',
    tileCompression: 'gzip',
    minZoom: 0,
    maxZoom: maxzoom,
    bounds,
    clustered: false,
  });
  const out = createWriteStream(path);
  if (!out.write(head.bytes)) await once(out, 'drain');
  await pipeline(createReadStream(scratchPath), out);
  return {
    minzoom: 0,
    maxzoom,
    rawMinZoom,
    zooms,
    tileCount: entries.length,
    maxTileBytes,
    denseTiles,
    bytes: head.bytes.length + offset,
  };
}

/** The tiles of an aggregated zoom at the first step from `from` at which every one fits. */
function fitZoom(
  order: SpatialOrder,
  columns: TileSourceColumns,
  z: number,
  from: number,
  limit: number,
  steps: readonly AggregateStep[],
) {
  for (let index = from; index < steps.length; index++) {
    const step = steps[index]!;
    const tiles: Array<{ x: number; y: number; tile: Uint8Array }> = [];
    let fits = true;
    for (const run of tileRuns(order, z)) {
      const tile = encodeAggregateTile(order, columns, z, run, step);
      if (tile.length > limit) {
        fits = false;
        break;
      }
      tiles.push({ x: run.x, y: run.y, tile });
    }
    if (fits) return { step, index, tiles };
  }
  throw new RangeError(
    `zoom ${z}: even the day counts of whole-tile cells exceed ${limit} bytes in a tile; the data has too many types for one tile`,
  );
}

/** One dense raw tile aggregated by day at the finest cells that fit, with the border if it can. */
function fitAggregate(
  order: SpatialOrder,
  columns: TileSourceColumns,
  z: number,
  run: TileRun,
  limit: number,
  steps: readonly AggregateStep[],
): { tile: Uint8Array; border: boolean } {
  for (const step of steps) {
    const tile = encodeAggregateTile(order, columns, z, run, step);
    if (tile.length <= limit) return { tile, border: step.border };
  }
  throw new RangeError(
    `tile ${z}/${run.x}/${run.y} holds ${run.end - run.start} incidents on too many days and types to fit ${limit} bytes even counted per day in one cell`,
  );
}

/** Whether zoom 0 holds the border attributes within `limit` in whole-tile cells. */
function fitsBorder(order: SpatialOrder, columns: TileSourceColumns, limit: number): boolean {
  const coarsest = AGGREGATE_STEPS.findLast((step) => step.border)!;
  for (const run of tileRuns(order, 0))
    if (encodeAggregateTile(order, columns, 0, run, coarsest).length > limit) return false;
  return true;
}

/** The archive's JSON metadata: TileJSON's vector_layers, for tools that list the layer. */
function tileMetadata(rawMinZoom: number, maxzoom: number) {
  const fields = Object.fromEntries(
    [...new Set([...RAW_TILE_ATTRIBUTES, ...AGGREGATE_TILE_ATTRIBUTES])].map((name) => [
      name,
      'Number',
    ]),
  );
  fields.days = 'String';
  return {
    name: 'Durand Line incidents',
    description: `Raw incidents from zoom ${rawMinZoom}; counts by cell, type, side (and, where they fit, province and distance band) below it, with the count of each day (days) or, where too dense, a point per week.`,
    vector_layers: [{ id: TILE_LAYER, fields, minzoom: 0, maxzoom }],
  };
}
