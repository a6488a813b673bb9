/**
 * A columnar index of loaded incidents for date-range × type-set queries. A query's counts,
 * per-type counts and per-day histogram cost a few lookups per type and day, whatever the number
 * of incidents; materialising the matching rows costs the matches plus size / 32.
 *
 * Layout (row r is `incidents[r]` of the array the index was built from):
 * - one typed array per field (`day`, `type`, `lon`, `lat`);
 * - `order`: every row id sorted by (type, day, row), so the rows of one type within a date range
 *   are one contiguous run of `order`;
 * - `dayTable`: the cumulative count of rows per (type, day) key, dense over the data's day span.
 *   It gives each run's bounds, the per-type counts and the per-day histogram by lookups. A
 *   dataset whose span is absurdly long (a typo such as year 0205) would make the table huge, so
 *   past a size limit it is not built and runs are found by binary search in `sortedDay` instead,
 *   with the histogram counted from the matching rows.
 *
 * Results are plain data (numbers and typed arrays) so a Web Worker can post them as they are.
 * Pure TypeScript: no DOM, worker or framework imports.
 */
import type { Incident } from './incident';
import type { UrlFilter } from './filters/filter-dimension';
import { countingSort, identity } from './counting-sort';
import { parseDay } from './incident-date';

export interface IncidentIndex {
  /** Number of rows: the length of the incident array the index was built from. */
  readonly size: number;
  /** Every type code present, in order of first appearance . */
  readonly typeCodes: readonly string[];
  /** Day number (days since 1970-01-01) of each row. */
  readonly day: Int32Array;
  /** Position in `typeCodes` of each row's type. */
  readonly type: Uint16Array;
  /** Longitude and latitude of each row; NaN for an unlocated incident. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** First and last day number of the data; 0 and -1 when the index is empty. */
  readonly minDay: number;
  readonly maxDay: number;
  /** Row ids sorted by (type, day, row). */
  readonly order: Uint32Array;
  /** `sortedDay[i] === day[order[i]]`, for binary search without indirection. */
  readonly sortedDay: Int32Array;
  /** Rows of type t are `order[typeStart[t]]` to `order[typeStart[t + 1] - 1]`. */
  readonly typeStart: Uint32Array;
  /** How many of `order[0]` to `order[i - 1]` are unlocated, for O(1) counts per run. */
  readonly unlocatedBefore: Uint32Array;
  /**
   * `dayTable[t * span + d]`: number of rows whose (type, day offset) key sorts before (t, d),
   * where span = maxDay - minDay + 1; length types × span + 1. Null past the size limit.
   */
  readonly dayTable: Uint32Array | null;
}

export interface BuildOptions {
  /**
   * Most entries the dense (type, day) table may have before the index falls back to binary
   * search; default max(2^22, 4 × size) (16 MB, or 16 bytes per row).
   */
  maxDayTableEntries?: number;
  /**
   * The code a row is grouped under, default its type. A caller that also filters by another
   * attribute (such as the dataset) can fold it into the code and select combinations.
   */
  codeOf?: (incident: Incident, row: number) => string;
}

/** Inclusive day numbers (`null`, -Infinity or Infinity: open bound); `types: null`: all. */
export interface IndexQuery {
  fromDay: number | null;
  toDay: number | null;
  /** Codes to match; codes absent from the data match nothing; `[]` matches nothing. */
  types: readonly string[] | null;
  /** Also compute one histogram per type (`histogram.byType`), for a stacked timeline. */
  stacked?: boolean;
}

export interface IndexResult {
  /** Incidents matching the date range and the types. */
  count: number;
  /** How many of those have no coordinates (counted and exported, not drawn). */
  unlocated: number;
  /** Per type (aligned with `typeCodes`): incidents in the date range, whatever types are selected. */
  countsByType: Int32Array;
  /**
   * Matching incidents per day, from `startDay` (the later of the range start and the first day
   * of the data) to the earlier of the range end and the last day; empty when nothing can match.
   * `byType` (when asked for) holds one such row per type code, zero for unselected types.
   */
  histogram: { startDay: number; counts: Int32Array; byType: Int32Array | null };
  /** `[start, end)` pairs of positions in `index.order`, one per selected type that has matches. */
  ranges: Uint32Array;
}

/** The most type codes an index tells apart (its type column is 16-bit). */
export const MAX_TYPE_CODES = 0x10000;

/**
 * Thrown when the incidents bring more than MAX_TYPE_CODES codes; `row` is the first incident
 * whose code is one too many. The message names no code: a caller's codes may be internal keys,
 * so it is the caller who words what the user reads.
 */
export class TooManyCodesError extends RangeError {
  constructor(readonly row: number) {
    super(`incident ${row}: more than ${MAX_TYPE_CODES.toLocaleString('en')} type codes`);
  }
}

/** Builds the columns and sorted runs of an incident list; row r is `incidents[r]`. */
export function buildIncidentIndex(
  incidents: readonly Incident[],
  options: BuildOptions = {},
): IncidentIndex {
  const size = incidents.length;
  const day = new Int32Array(size);
  const type = new Uint16Array(size);
  const lon = new Float64Array(size);
  const lat = new Float64Array(size);

  // 1. Columns, type codes in order of first appearance, day extent.
  const keyOf = options.codeOf;
  const codeOf = new Map<string, number>();
  const typeCodes: string[] = [];
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let row = 0; row < size; row++) {
    const incident = incidents[row]!;
    const key = keyOf ? keyOf(incident, row) : incident.type;
    let code = codeOf.get(key);
    if (code === undefined) {
      code = typeCodes.length;
      if (code > 0xffff) throw new TooManyCodesError(row);
      codeOf.set(key, code);
      typeCodes.push(key);
    }
    const dayNumber = incident.dayNumber;
    day[row] = dayNumber;
    type[row] = code;
    if (dayNumber < minDay) minDay = dayNumber;
    if (dayNumber > maxDay) maxDay = dayNumber;
    lon[row] = incident.lon ?? NaN;
    lat[row] = incident.lat ?? NaN;
  }
  if (size === 0) {
    minDay = 0;
    maxDay = -1;
  }

  // 2. Sort rows by (type, day, row) with stable counting passes. When the dense table fits, one
  //    pass over the (type, day) key does it and its bucket starts are the table itself.
  const span = maxDay - minDay + 1;
  const types = typeCodes.length;
  const limit = options.maxDayTableEntries ?? Math.max(2 ** 22, 4 * size);
  const keys = new Uint32Array(size);
  let order: Uint32Array;
  let dayTable: Uint32Array | null = null;
  if (types * span + 1 <= limit) {
    for (let row = 0; row < size; row++) keys[row] = type[row]! * span + (day[row]! - minDay);
    const sorted = countingSort(identity(size), keys, types * span);
    order = sorted.order;
    dayTable = sorted.starts;
  } else {
    // Least significant first: low 16 bits of the day offset, high bits, then the type.
    order = identity(size);
    for (let row = 0; row < size; row++) keys[row] = (day[row]! - minDay) & 0xffff;
    order = countingSort(order, keys, 0x10000).order;
    for (let row = 0; row < size; row++) keys[row] = (day[row]! - minDay) >>> 16;
    order = countingSort(order, keys, (span >>> 16) + 1).order;
    order = countingSort(order, type, types).order;
  }

  // 3. Per-position day, type boundaries and unlocated prefix counts along `order`.
  const sortedDay = new Int32Array(size);
  const typeStart = new Uint32Array(types + 1);
  const unlocatedBefore = new Uint32Array(size + 1);
  for (let i = 0; i < size; i++) {
    const row = order[i]!;
    sortedDay[i] = day[row]!;
    typeStart[type[row]! + 1]! += 1;
    unlocatedBefore[i + 1] = unlocatedBefore[i]! + (Number.isNaN(lon[row]!) ? 1 : 0);
  }
  for (let t = 0; t < types; t++) typeStart[t + 1]! += typeStart[t]!;

  return {
    size,
    typeCodes,
    day,
    type,
    lon,
    lat,
    minDay,
    maxDay,
    order,
    sortedDay,
    typeStart,
    unlocatedBefore,
    dayTable,
  };
}

/** Counts, histogram and matching runs for one query. Does not materialise the rows. */
export function queryIncidentIndex(index: IncidentIndex, query: IndexQuery): IndexResult {
  const types = index.typeCodes.length;
  const from = dayBound(query.fromDay, 'fromDay', Math.ceil);
  const to = dayBound(query.toDay, 'toDay', Math.floor);
  // Inclusive day bounds clipped to the data; lo > hi means nothing can match.
  const lo = from === null ? index.minDay : Math.max(from, index.minDay);
  const hi = to === null ? index.maxDay : Math.min(to, index.maxDay);
  const empty = lo > hi;

  // 1. Every type's run within the date range: its counts ignore the type selection.
  const countsByType = new Int32Array(types);
  const runStart = new Uint32Array(types);
  const runEnd = new Uint32Array(types);
  if (!empty) {
    for (let t = 0; t < types; t++) {
      runStart[t] = findPosition(index, t, lo);
      runEnd[t] = findPosition(index, t, hi + 1);
      countsByType[t] = runEnd[t]! - runStart[t]!;
    }
  }

  // 2. Selected types, each once; codes absent from the data select nothing.
  const selected = selectTypes(index, query.types);

  // 3. Count, unlocated count and runs of the selected types.
  const rangeList: number[] = [];
  let count = 0;
  let unlocated = 0;
  for (const t of selected) {
    const start = runStart[t]!;
    const end = runEnd[t]!;
    if (start === end) continue;
    rangeList.push(start, end);
    count += end - start;
    unlocated += index.unlocatedBefore[end]! - index.unlocatedBefore[start]!;
  }
  const ranges = Uint32Array.from(rangeList);

  // 4. Histograms over [lo, hi].
  const days = empty ? 0 : hi - lo + 1;
  const counts = new Int32Array(days);
  const byType = query.stacked ? new Int32Array(types * days) : null;
  for (const t of selected) {
    if (runStart[t] === runEnd[t]) continue;
    const row = byType === null ? null : byType.subarray(t * days, (t + 1) * days);
    addTypeHistogram(index, t, lo, hi, runStart[t]!, runEnd[t]!, counts, row);
  }

  return {
    count,
    unlocated,
    countsByType,
    histogram: { startDay: empty ? index.minDay : lo, counts, byType },
    ranges,
  };
}

/** `countsByType` as a Map of the types with at least one incident, like `countByType`. */
export function countsByTypeMap(index: IncidentIndex, result: IndexResult): Map<string, number> {
  const counts = new Map<string, number>();
  result.countsByType.forEach((n, t) => {
    if (n > 0) counts.set(index.typeCodes[t]!, n);
  });
  return counts;
}

/**
 * The index query for a filter, with `makeDayPredicate`'s reading of its dates: a bound that is
 * not a calendar date is left open.
 */
export function toIndexQuery(filter: Pick<UrlFilter, 'from' | 'to' | 'types'>): IndexQuery {
  return {
    fromDay: filter.from === null ? null : (parseDay(filter.from)?.dayNumber ?? null),
    toDay: filter.to === null ? null : (parseDay(filter.to)?.dayNumber ?? null),
    types: filter.types,
  };
}

/** First position in type t's run whose day is at least `dayNumber` (clipped to the data). */
function findPosition(index: IncidentIndex, t: number, dayNumber: number): number {
  const { dayTable, minDay, maxDay } = index;
  if (dayTable !== null) {
    const span = maxDay - minDay + 1;
    return dayTable[t * span + Math.min(Math.max(dayNumber - minDay, 0), span)]!;
  }
  // Binary search for the lower bound in sortedDay within the type's run.
  const { sortedDay } = index;
  let low = index.typeStart[t]!;
  let high = index.typeStart[t + 1]!;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sortedDay[mid]! < dayNumber) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Adds type t's incidents per day over [lo, hi] to `counts` (and to `row` when stacking). */
function addTypeHistogram(
  index: IncidentIndex,
  t: number,
  lo: number,
  hi: number,
  start: number,
  end: number,
  counts: Int32Array,
  row: Int32Array | null,
): void {
  const { dayTable, minDay } = index;
  if (dayTable !== null) {
    const base = t * (index.maxDay - minDay + 1) - minDay;
    for (let d = lo; d <= hi; d++) {
      const n = dayTable[base + d + 1]! - dayTable[base + d]!;
      counts[d - lo]! += n;
      if (row !== null) row[d - lo] = n;
    }
    return;
  }
  const { sortedDay } = index;
  for (let i = start; i < end; i++) {
    counts[sortedDay[i]! - lo]! += 1;
    if (row !== null) row[sortedDay[i]! - lo]! += 1;
  }
}

function selectTypes(index: IncidentIndex, types: readonly string[] | null): number[] {
  if (types === null) return index.typeCodes.map((_, t) => t);
  const wanted = new Set(types);
  const selected: number[] = [];
  index.typeCodes.forEach((code, t) => {
    if (wanted.has(code)) selected.push(t);
  });
  return selected;
}

/** A day bound as an integer, or null when open; NaN is a caller's bug and is reported. */
function dayBound(value: number | null, name: string, round: (x: number) => number): number | null {
  if (value === null) return null;
  if (Number.isNaN(value)) throw new RangeError(`${name} ${value} is not a day number`);
  // ±Infinity stays as it is: clipping to the data then opens or empties the range.
  return round(value);
}
