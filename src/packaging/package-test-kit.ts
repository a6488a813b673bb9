/**
 * Helpers of the package tests: a small incident file with the awkward cases a real one has,
 * and readers of a package that go through the same libraries as the app (pmtiles over a file
 * Source, @mapbox/vector-tile, hyparquet).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { PbfReader } from 'pbf';
import { PMTiles, zxyToTileId } from 'pmtiles';
import { readSyntheticModel } from '../../tests/gen/synthetic-incidents';
import { syntheticCsv } from '../../tests/gen/synthetic-table';
import { mercatorX, mercatorY } from '../domain/map-tiles/spatial-order';
import { NodeFileSource } from './file-source';

/**
 * Rows a real table has besides plain incidents: a summary across lines in quotes, a blank
 * line, an unlocated incident, and rows the importer rejects (a date it cannot read, no type).
 */
export const AWKWARD_ROWS = [
  'SYN-QUOTED,2024-03-04,armed_clash,PK,Khyber Pakhtunkhwa,Khyber,Landi Kotal,2,3,"A summary ""quoted""\r\nacross two lines",https://example.org/q,71.05,34.1\r\n',
  '\r\n',
  'SYN-UNLOCATED,2024-03-05,airstrike,AF,Nangarhar,,,0,0,No position given,,,\r\n',
  'SYN-BADDATE,not a date,armed_clash,AF,Kunar,,,0,0,Rejected,,70.9,35.0\r\n',
  'SYN-NOTYPE,2024-03-06,,AF,Kunar,,,0,0,Rejected,,70.9,35.0\r\n',
];

/** Writes `count` synthetic incidents as CSV, with AWKWARD_ROWS after the first `count / 2`. */
export function writeTestCsv(path: string, count: number, seed = 7): void {
  const chunks = [
    ...syntheticCsv({ count, seed, model: readSyntheticModel() }, Math.ceil(count / 2)),
  ];
  const [header, first, ...rest] = chunks;
  writeFileSync(path, [header, first, ...AWKWARD_ROWS, ...rest].join(''));
}

export interface DecodedFeature {
  z: number;
  x: number;
  y: number;
  /** Web Mercator of the point, from its tile coordinates. */
  mx: number;
  my: number;
  /** Numbers, but for `days`, the text of an aggregated point's day histogram. */
  properties: Record<string, number> & { days?: string };
}

/**
 * Every tile of an archive, found by asking for each tile inside its bounds at each zoom (as a
 * map would), decoded; `sizes` holds each tile's bytes as stored and decompressed.
 */
export async function readEveryTile(path: string, layer: string) {
  const source = await NodeFileSource.open(path);
  try {
    const archive = new PMTiles(source);
    const header = await archive.getHeader();
    const features: DecodedFeature[] = [];
    const sizes: number[] = [];
    const tileIds: number[] = [];
    for (let z = header.minZoom; z <= header.maxZoom; z++) {
      const side = 2 ** z;
      const tx = (lon: number) => Math.min(side - 1, Math.floor(mercatorX(lon) * side));
      const ty = (lat: number) => Math.min(side - 1, Math.floor(mercatorY(lat) * side));
      for (let x = tx(header.minLon); x <= tx(header.maxLon); x++) {
        for (let y = ty(header.maxLat); y <= ty(header.minLat); y++) {
          const tile = await archive.getZxy(z, x, y);
          if (!tile) continue;
          tileIds.push(zxyToTileId(z, x, y));
          sizes.push(tile.data.byteLength);
          const decoded = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[layer]!;
          for (let i = 0; i < decoded.length; i++) {
            const feature = decoded.feature(i);
            const point = feature.loadGeometry()[0]![0]!;
            features.push({
              z,
              x,
              y,
              mx: (x + point.x / decoded.extent) / side,
              my: (y + point.y / decoded.extent) / side,
              properties: feature.properties as Record<string, number>,
            });
          }
        }
      }
    }
    return { header, features, sizes, tileIds };
  } finally {
    await source.close();
  }
}

/** Every row of a Parquet file as objects, and its row groups' sizes. */
export async function readParquetFile(path: string) {
  const bytes = readFileSync(path);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const rows = (await parquetReadObjects({ file })) as Array<Record<string, unknown>>;
  const rowGroups = parquetMetadata(file).row_groups.map((group) => Number(group.num_rows));
  return { rows, rowGroups };
}
