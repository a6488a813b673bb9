// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, tileIdToZxy, zxyToTileId } from 'pmtiles';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeFileSource } from './file-source';
import type { ArchiveOptions, TileEntry } from '../domain/package/pmtiles-writer';
import { HEADER_BYTES, writeArchiveHead } from '../domain/package/pmtiles-writer';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Every tile of zooms 0…maxZoom, each holding its own "z/x/y" text, in tile id order. */
function makeTiles(maxZoom: number): { entries: TileEntry[]; data: Uint8Array } {
  const entries: TileEntry[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  const last = zxyToTileId(maxZoom + 1, 0, 0);
  for (let tileId = 0; tileId < last; tileId++) {
    const [z, x, y] = tileIdToZxy(tileId);
    const bytes = new TextEncoder().encode(`${z}/${x}/${y}`);
    entries.push({ tileId, offset, length: bytes.length });
    parts.push(bytes);
    offset += bytes.length;
  }
  const data = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return { entries, data };
}

async function writeAndOpen(options: Partial<ArchiveOptions>, tiles: ReturnType<typeof makeTiles>) {
  const head = writeArchiveHead({
    entries: tiles.entries,
    tileDataBytes: tiles.data.length,
    metadata: { name: 'test' },
    internalCompression: 'gzip',
    tileCompression: 'none',
    minZoom: 0,
    maxZoom: 6,
    bounds: [60.5, 29.3, 75.1, 38.4],
    clustered: true,
    ...options,
  });
  const folder = mkdtempSync(join(tmpdir(), 'pmtiles-'));
  folders.push(folder);
  const path = join(folder, 'test.pmtiles');
  const file = new Uint8Array(head.bytes.length + tiles.data.length);
  file.set(head.bytes);
  file.set(tiles.data, head.bytes.length);
  writeFileSync(path, file);
  const source = await NodeFileSource.open(path);
  return { head, archive: new PMTiles(source), source };
}

async function expectEveryTileReadBack(archive: PMTiles, entries: readonly TileEntry[]) {
  for (const { tileId } of entries) {
    const [z, x, y] = tileIdToZxy(tileId);
    const tile = await archive.getZxy(z, x, y);
    expect(new TextDecoder().decode(tile!.data)).toBe(`${z}/${x}/${y}`);
  }
}

describe('writeArchiveHead', () => {
  it('writes a header the pmtiles reader reads field by field', async () => {
    const tiles = makeTiles(2);
    const { archive, source } = await writeAndOpen({ maxZoom: 2 }, tiles);
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: HEADER_BYTES,
      numAddressedTiles: tiles.entries.length,
      numTileEntries: tiles.entries.length,
      clustered: true,
      tileType: 1,
      minZoom: 0,
      maxZoom: 2,
      minLon: 60.5,
      minLat: 29.3,
      maxLon: 75.1,
      maxLat: 38.4,
    });
    expect(header.tileDataLength).toBe(tiles.data.length);
    expect(await archive.getMetadata()).toEqual({ name: 'test' });
    await source.close();
  });

  it('addresses every tile from the root directory alone when it fits', async () => {
    const tiles = makeTiles(4);
    const { head, archive, source } = await writeAndOpen({}, tiles);
    expect(head.leafDirectories).toBe(0);
    await expectEveryTileReadBack(archive, tiles.entries);
    expect(await archive.getZxy(5, 0, 0)).toBeUndefined();
    await source.close();
  });

  it('moves the entries to leaf directories when the root would not fit', async () => {
    const tiles = makeTiles(6); // 5,461 tiles: two leaves of 4,096 entries at most
    const { head, archive, source } = await writeAndOpen(
      { internalCompression: 'none', maxRootBytes: 200 },
      tiles,
    );
    expect(head.leafDirectories).toBeGreaterThan(1);
    await expectEveryTileReadBack(archive, tiles.entries);
    await source.close();
  });

  it('keeps the header and a root of 16 kB or less in the first 16 kB', async () => {
    const tiles = makeTiles(7); // 21,845 tiles: far more than a 16 kB root holds
    const { head, archive, source } = await writeAndOpen(
      { internalCompression: 'none', maxZoom: 7 },
      tiles,
    );
    const header = await archive.getHeader();
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(head.leafDirectories).toBeGreaterThan(0);
    await expectEveryTileReadBack(
      archive,
      tiles.entries.filter((_, i) => i % 97 === 0),
    );
    await source.close();
  });
});
