/** Row ids 0 … size − 1 in order. */
export function identity(size: number): Uint32Array {
  const rows = new Uint32Array(size);
  for (let i = 0; i < size; i++) rows[i] = i;
  return rows;
}

/**
 * Stable counting sort of `input` (row ids) by `keys[row]` in [0, buckets). `starts[k]` is the
 * number of rows whose key is below k (length buckets + 1).
 */
export function countingSort(
  input: Uint32Array,
  keys: Uint32Array | Uint16Array,
  buckets: number,
): { order: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < input.length; i++) starts[keys[input[i]!]! + 1]! += 1;
  for (let k = 0; k < buckets; k++) starts[k + 1]! += starts[k]!;
  const next = starts.slice(0, buckets);
  const order = new Uint32Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const row = input[i]!;
    order[next[keys[row]!]!++] = row;
  }
  return { order, starts };
}
