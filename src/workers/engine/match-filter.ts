/**
 * Which incidents a filter keeps, and the counts around them: the count, what each type's and
 * dataset's checkbox would add, and the timeline. Date, type and dataset are answered by the
 * index; any other filter is a test of one row (see row-test.ts), which costs a pass over the
 * rows, made only when one is set.
 */
import { queryIncidentIndex, toIndexQuery } from '../../domain/incident-index';
import { collectMatchingRows, markMatchingRows } from '../../domain/incident-index-rows';
import type { EngineFilter, QueryReply } from '../engine-protocol';
import type { IncidentTable } from './incident-table';
import { selectDatasets, selectIndexCodes } from './incident-table';

export interface Match {
  count: number;
  unlocated: number;
  typeCounts: Map<string, number>;
  datasetCounts: number[];
  timeline: QueryReply['timeline'];
  /** The matching rows in load order (a fresh array each call). */
  rows: (located: boolean) => Uint32Array;
  /** Per row: 1 when it matches (and, with `located`, has coordinates). Made once, shared. */
  included: (located: boolean) => Uint8Array;
}

/**
 * The match of `filter`. `rowTest` holds the filters the index cannot answer, or is null when
 * none is set.
 */
export function matchFilter(
  table: IncidentTable,
  filter: EngineFilter,
  rowTest: ((row: number) => boolean) | null,
): Match {
  return rowTest === null ? matchByIndex(table, filter) : matchByScan(table, filter, rowTest);
}

/** The page's answer for a match: counts per type and dataset, the timeline, provinces. */
export function queryReply(
  table: IncidentTable,
  match: Match,
  provinceCounts: QueryReply['provinceCounts'],
): QueryReply {
  return {
    count: match.count,
    total: table.index.size,
    unlocated: match.unlocated,
    typeCounts: table.typeCodes.map((code) => ({ code, count: match.typeCounts.get(code) ?? 0 })),
    datasetCounts: table.datasets.map((d, i) => ({
      id: d.summary.id,
      count: match.datasetCounts[i]!,
    })),
    timeline: match.timeline,
    provinceCounts,
  };
}

/** `included` for a match: one mask per kind, marked by `mark` on first need. */
function includedOf(size: number, mark: (mask: Uint8Array, located: boolean) => void) {
  const masks: Array<Uint8Array | undefined> = [];
  return (located: boolean) => {
    const kind = located ? 1 : 0;
    let mask = masks[kind];
    if (!mask) {
      mask = new Uint8Array(size);
      mark(mask, located);
      masks[kind] = mask;
    }
    return mask;
  };
}

function matchByIndex(table: IncidentTable, filter: EngineFilter): Match {
  const { index, keys, typeCodes, typePosition } = table;
  const selected = selectIndexCodes(table, filter);
  const result = queryIncidentIndex(index, { ...toIndexQuery(filter), types: selected });
  const types = filter.types === null ? null : new Set(filter.types);
  const datasets = selectDatasets(table, filter);
  const typeCounts = new Map(typeCodes.map((code) => [code, 0]));
  const datasetCounts = new Array<number>(table.datasets.length).fill(0);
  // Each checkbox's count ignores its own group's selection: what ticking it would show.
  result.countsByType.forEach((n, k) => {
    const key = keys[k]!;
    if (datasets === null || datasets.has(key.dataset))
      typeCounts.set(key.type, typeCounts.get(key.type)! + n);
    if (types === null || types.has(key.type)) datasetCounts[key.dataset]! += n;
  });
  // The timeline spans the whole extent: the date filter is what it sets.
  const all = queryIncidentIndex(index, {
    fromDay: null,
    toDay: null,
    types: selected,
    stacked: true,
  });
  const days = all.histogram.counts.length;
  const byType = new Int32Array(typeCodes.length * days);
  keys.forEach((key, k) => {
    const target = typePosition.get(key.type)! * days;
    const source = all.histogram.byType!.subarray(k * days, (k + 1) * days);
    for (let d = 0; d < days; d++) byType[target + d]! += source[d]!;
  });
  return {
    count: result.count,
    unlocated: result.unlocated,
    typeCounts,
    datasetCounts,
    timeline: { startDay: all.histogram.startDay, days, byType, typeCodes },
    rows: (located) => collectMatchingRows(index, result, { located }),
    included: includedOf(index.size, (mask, located) =>
      markMatchingRows(index, result, mask, { located }),
    ),
  };
}

function matchByScan(
  table: IncidentTable,
  filter: EngineFilter,
  passes: (row: number) => boolean,
): Match {
  const { index, datasetOf, typeCodes, typeOf } = table;
  const ticked = filter.types === null ? null : new Set(filter.types);
  const typeOk = new Uint8Array(typeCodes.length).map((_, t) =>
    ticked === null || ticked.has(typeCodes[t]!) ? 1 : 0,
  );
  const datasets = selectDatasets(table, filter);
  const { fromDay, toDay } = toIndexQuery(filter);
  const from = fromDay ?? -Infinity;
  const to = toDay ?? Infinity;

  const days = index.size === 0 ? 0 : index.maxDay - index.minDay + 1;
  const byType = new Int32Array(typeCodes.length * days);
  const typeCounts = new Array<number>(typeCodes.length).fill(0);
  const datasetCounts = new Array<number>(table.datasets.length).fill(0);
  const matched: number[] = [];
  let unlocated = 0;
  for (let row = 0; row < index.size; row++) {
    if (!passes(row)) continue;
    const t = typeOf[row]!;
    const d = datasetOf[row]!;
    const datasetOk = datasets === null || datasets.has(d);
    const day = index.day[row]!;
    if (typeOk[t] && datasetOk) byType[t * days + (day - index.minDay)]! += 1;
    if (day < from || day > to) continue;
    if (datasetOk) typeCounts[t]! += 1;
    if (typeOk[t]) datasetCounts[d]! += 1;
    if (typeOk[t] && datasetOk) {
      matched.push(row);
      if (Number.isNaN(index.lon[row]!)) unlocated++;
    }
  }
  const rows = Uint32Array.from(matched);
  return {
    count: rows.length,
    unlocated,
    typeCounts: new Map(typeCodes.map((code, t) => [code, typeCounts[t]!])),
    datasetCounts,
    timeline: { startDay: index.minDay, days, byType, typeCodes },
    rows: (located) =>
      located ? rows.filter((row) => !Number.isNaN(index.lon[row]!)) : rows.slice(),
    included: includedOf(index.size, (mask, located) => {
      for (const row of rows) if (!located || !Number.isNaN(index.lon[row]!)) mask[row] = 1;
    }),
  };
}
