import type { PackageManifest } from './package-manifest';
import {
  COUNT_COLUMNS,
  PACKAGE_FILES,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  ROW_COLUMNS,
  TILE_LAYER,
  rowPartitionFile,
} from './package-manifest';

/** A valid manifest of a small package, as plain JSON, for tests of its readers. */
export function makeManifest(overrides: Partial<PackageManifest> = {}): PackageManifest {
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    name: 'synthetic',
    created: '2026-12-05T12:00:00.000Z',
    source: {
      name: 'synthetic.csv',
      bytes: 1200,
      sha256: 'ab'.repeat(32),
      format: 'csv',
      layout: 'native',
    },
    count: 3,
    located: 2,
    rejected: { count: 1, first: [{ index: 3, line: 5, reason: 'date "x" not understood' }] },
    days: { first: '2025-10-01', last: '2025-10-12' },
    types: [
      { code: 'armed_clash', count: 2 },
      { code: 'airstrike', count: 1 },
    ],
    bounds: [69.1, 33.2, 71.5, 34.9],
    provinces: [{ id: 'PK-KP', name: 'Khyber Pakhtunkhwa', country: 'PK' }],
    crossings: [{ id: 'torkham', name: 'Torkham' }],
    tiles: {
      file: PACKAGE_FILES.tiles,
      layer: TILE_LAYER,
      minzoom: 0,
      maxzoom: 12,
      rawMinZoom: 8,
      compression: 'gzip',
      tileCount: 40,
      maxTileBytes: 2100,
      denseTiles: 0,
      zooms: [
        { z: 0, cellPx: 16, bin: 'day', raw: false, border: true },
        { z: 8, cellPx: 0, bin: 'day', raw: true, border: true },
      ],
    },
    counts: { file: PACKAGE_FILES.counts, rows: 3, columns: [...COUNT_COLUMNS] },
    kmBands: [0, 5, 10, 25, 50, 100],
    rows: {
      columns: ROW_COLUMNS.map((c) => c.name),
      partitions: [
        {
          file: rowPartitionFile('2025-10'),
          month: '2025-10',
          from: 20362,
          to: 20373,
          count: 3,
          rowGroupSize: 4096,
          rowGroups: 1,
          bytes: 900,
        },
      ],
    },
    files: [{ path: PACKAGE_FILES.tiles, bytes: 5000, sha256: 'cd'.repeat(32) }],
    ...overrides,
  };
}
