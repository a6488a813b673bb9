/**
 * The rows of an index query's result: visited, collected in load order, or marked in a mask.
 * A result holds runs of the index's sorted order; these walk them.
 */
import { identity } from './counting-sort';
import type { IncidentIndex, IndexResult } from './incident-index';

/** Calls `visit` with the row id of every match, type by type and by day within a type. */
export function forEachMatch(
  index: IncidentIndex,
  result: IndexResult,
  visit: (row: number) => void,
): void {
  const { order } = index;
  const { ranges } = result;
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r]!, end = ranges[r + 1]!; i < end; i++) visit(order[i]!);
  }
}

/**
 * The matching row ids in load order (ascending), for export or the map; `located: true` keeps
 * only incidents with coordinates.
 */
export function collectMatchingRows(
  index: IncidentIndex,
  result: IndexResult,
  options: { located?: boolean } = {},
): Uint32Array {
  const located = options.located === true;
  const total = located ? result.count - result.unlocated : result.count;
  // A fresh array every time: the caller may transfer it to another thread.
  if (total === 0) return new Uint32Array(0);
  if (total === index.size) return identity(index.size);
  const { order, lon } = index;
  const { ranges } = result;

  // Mark the matches in a bitset, then read the set bits in ascending order: linear in the
  // matches plus size / 32 words, with no sort.
  const words = new Int32Array((index.size + 31) >>> 5);
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r]!, end = ranges[r + 1]!; i < end; i++) {
      const row = order[i]!;
      if (!located || !Number.isNaN(lon[row]!)) words[row >>> 5]! |= 1 << (row & 31);
    }
  }
  const rows = new Uint32Array(total);
  let k = 0;
  for (let w = 0; w < words.length; w++) {
    let bits = words[w]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      rows[k++] = (w << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
    }
  }
  return rows;
}

/**
 * Sets `mask[row]` to 1 for every match (with `located`, only those with coordinates): a
 * per-row test for callers that visit rows in their own order (the map's tiles, the list).
 */
export function markMatchingRows(
  index: IncidentIndex,
  result: IndexResult,
  mask: Uint8Array,
  options: { located?: boolean } = {},
): void {
  const located = options.located === true;
  const { order, lon } = index;
  const { ranges } = result;
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r]!, end = ranges[r + 1]!; i < end; i++) {
      const row = order[i]!;
      if (!located || !Number.isNaN(lon[row]!)) mask[row] = 1;
    }
  }
}
