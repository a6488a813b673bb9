/**
 * The list's orders over every loaded row, made once per load and sort, so a page of the matching
 * incidents is read by walking the order and skipping rows the filter leaves out: a page near the
 * top costs a few hundred steps however many incidents match, instead of sorting the matches on
 * every filter change.
 */
import { countingSort, identity } from './counting-sort';

export type ListSortKey = 'date' | 'fatalities';
export type ListDirection = 'asc' | 'desc';

/**
 * Every row in list order: by day (newest or oldest first), or by the highest fatality figure
 * (most or fewest first, rows without one last either way); ties in load order.
 */
export function buildListOrder(
  key: ListSortKey,
  direction: ListDirection,
  columns: { day: Int32Array; minDay: number; maxDay: number; fatalities: Float32Array },
): Uint32Array {
  const size = columns.day.length;
  if (key === 'date') {
    const { day, minDay, maxDay } = columns;
    const keys = new Uint32Array(size);
    for (let row = 0; row < size; row++) {
      keys[row] = direction === 'asc' ? day[row]! - minDay : maxDay - day[row]!;
    }
    return countingSort(identity(size), keys, Math.max(0, maxDay - minDay + 1)).order;
  }
  const { fatalities } = columns;
  const sign = direction === 'asc' ? 1 : -1;
  return identity(size).sort((a, b) => {
    const va = fatalities[a]!;
    const vb = fatalities[b]!;
    if (Number.isNaN(va) || Number.isNaN(vb))
      return Number.isNaN(va) ? (Number.isNaN(vb) ? a - b : 1) : -1;
    return sign * (va - vb) || a - b;
  });
}

/** The rows `included` keeps, positions [offset, offset + limit) of `order`'s sequence of them. */
export function pageOfOrder(
  order: Uint32Array,
  included: Uint8Array,
  offset: number,
  limit: number,
): Uint32Array {
  const page: number[] = [];
  let seen = 0;
  for (let i = 0; i < order.length && page.length < limit; i++) {
    const row = order[i]!;
    if (included[row] !== 1) continue;
    if (seen++ >= offset) page.push(row);
  }
  return Uint32Array.from(page);
}

/** Where `row` stands among the rows `included` keeps, in `order`; -1 when it is left out. */
export function positionInOrder(order: Uint32Array, included: Uint8Array, row: number): number {
  if (included[row] !== 1) return -1;
  let seen = 0;
  for (let i = 0; i < order.length; i++) {
    const at = order[i]!;
    if (at === row) return seen;
    seen += included[at]!;
  }
  return -1;
}
