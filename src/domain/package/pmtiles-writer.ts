/**
 * The parts of a PMTiles v3 archive around its tile data: the 127-byte header, the root
 * directory, leaf directories when the root would not fit in the first 16 kB, and the JSON
 * metadata. The `pmtiles` package only reads archives, so this is the writer, after the v3
 * specification (github.com/protomaps/PMTiles, spec/v3/spec.md). Pure: bytes in, bytes out.
 *
 * Archive layout: header | root directory | metadata | leaf directories | tile data.
 */
import { gzipSync } from 'fflate';

/** One tile as the directory addresses it: its Hilbert id and where its bytes lie in the tile data. */
export interface TileEntry {
  tileId: number;
  offset: number;
  length: number;
}

export const HEADER_BYTES = 127;
/** The header and the root directory must fit in the first 16 kB, so a client reads both at once. */
export const ROOT_LIMIT_BYTES = 16_384;

const COMPRESSION = { none: 1, gzip: 2 } as const;
const TILE_TYPE_MVT = 1;

export interface ArchiveOptions {
  /** Sorted by tileId, with no repeat. */
  entries: readonly TileEntry[];
  tileDataBytes: number;
  metadata: Record<string, unknown>;
  /** Compression of the directories and metadata, and (as recorded) of every tile. */
  internalCompression: 'gzip' | 'none';
  tileCompression: 'gzip' | 'none';
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** True when the tile data is written in tileId order. */
  clustered: boolean;
  /** Largest root directory kept before leaves are made; ROOT_LIMIT_BYTES − header unless told. */
  maxRootBytes?: number;
}

/** Everything of the archive before its tile data, and how its directories were laid out. */
export interface ArchiveHead {
  bytes: Uint8Array;
  leafDirectories: number;
}

/** Writes the header, directories and metadata; the tile data follows these bytes unchanged. */
export function writeArchiveHead(options: ArchiveOptions): ArchiveHead {
  const compress = (bytes: Uint8Array) =>
    options.internalCompression === 'gzip' ? gzipSync(bytes) : bytes;
  const { root, leaves, leafCount } = layoutDirectories(
    options.entries,
    compress,
    options.maxRootBytes ?? ROOT_LIMIT_BYTES - HEADER_BYTES,
  );
  const metadata = compress(new TextEncoder().encode(JSON.stringify(options.metadata)));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const tileDataOffset = leavesOffset + leaves.length;

  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new Uint8Array(header.buffer).set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const u64 = (at: number, value: number) => header.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, tileDataOffset);
  u64(64, options.tileDataBytes);
  u64(72, options.entries.length); // addressed tiles
  u64(80, options.entries.length); // tile entries
  u64(88, options.entries.length); // tile contents: none is shared
  header.setUint8(96, options.clustered ? 1 : 0);
  header.setUint8(97, COMPRESSION[options.internalCompression]);
  header.setUint8(98, COMPRESSION[options.tileCompression]);
  header.setUint8(99, TILE_TYPE_MVT);
  header.setUint8(100, options.minZoom);
  header.setUint8(101, options.maxZoom);
  const [w, s, e, n] = options.bounds;
  const e7 = (at: number, degrees: number) => header.setInt32(at, Math.round(degrees * 1e7), true);
  e7(102, w);
  e7(106, s);
  e7(110, e);
  e7(114, n);
  header.setUint8(118, options.minZoom);
  e7(119, (w + e) / 2);
  e7(123, (s + n) / 2);

  const bytes = new Uint8Array(tileDataOffset);
  bytes.set(new Uint8Array(header.buffer), 0);
  bytes.set(root, rootOffset);
  bytes.set(metadata, metadataOffset);
  bytes.set(leaves, leavesOffset);
  return { bytes, leafDirectories: leafCount };
}

/**
 * The root directory, and the leaf directories when the root of every entry is too large: then
 * the entries are cut into leaves of `leafSize` entries, growing it until the root that points
 * at them fits (as the reference writer, go-pmtiles, does).
 */
function layoutDirectories(
  entries: readonly TileEntry[],
  compress: (bytes: Uint8Array) => Uint8Array,
  maxRootBytes: number,
): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const whole = compress(serialiseDirectory(entries));
  if (whole.length <= maxRootBytes) return { root: whole, leaves: new Uint8Array(0), leafCount: 0 };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    const rootEntries: Array<TileEntry & { runLength: number }> = [];
    const leafParts: Uint8Array[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += leafSize) {
      const leafEntries = entries.slice(start, start + leafSize);
      const leaf = compress(serialiseDirectory(leafEntries));
      rootEntries.push({
        tileId: leafEntries[0]!.tileId,
        offset,
        length: leaf.length,
        runLength: 0,
      });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const root = compress(serialiseDirectory(rootEntries));
    if (root.length <= maxRootBytes || rootEntries.length === 1) {
      return { root, leaves: concat(leafParts, offset), leafCount: leafParts.length };
    }
  }
}

/**
 * One directory as the spec writes it: the entry count, then each column of varints in turn:
 * tile ids as deltas, run lengths (1 a tile, 0 a leaf), lengths, and offsets (0 when an entry
 * follows the previous one's bytes, else offset + 1).
 */
export function serialiseDirectory(
  entries: ReadonlyArray<TileEntry & { runLength?: number }>,
): Uint8Array {
  const out = new VarintWriter();
  out.write(entries.length);
  let lastId = 0;
  for (const entry of entries) {
    out.write(entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) out.write(entry.runLength ?? 1);
  for (const entry of entries) out.write(entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    const follows = previous !== undefined && entry.offset === previous.offset + previous.length;
    out.write(follows ? 0 : entry.offset + 1);
  });
  return out.finish();
}

/** Unsigned LEB128 varints of numbers up to 2^53. */
class VarintWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;

  write(value: number): void {
    if (this.length + 10 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
