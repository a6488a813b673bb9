/**
 * Writes counts.parquet: one row per distinct (day, type, side, province, km band) with its
 * count, sorted in that order, from the columns alone. It feeds the package reader's count,
 * timeline and facets with no row read.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { COUNT_COLUMNS } from '../domain/package/package-manifest';
import { KM_BANDS, kmBandOf } from '../domain/package/km-bands';
import type { IncidentColumns } from './incident-columns';

/** Rows per row group of the counts: the whole file is read at once, so few and large. */
const COUNT_ROW_GROUP = 100_000;

export function buildCounts(columns: IncidentColumns): { data: Uint8Array; rows: number } {
  // A numeric key per combination: province + 1 and band + 1 so that "none" (-1) is 0.
  let maxProvince = -1;
  for (let i = 0; i < columns.size; i++) maxProvince = Math.max(maxProvince, columns.province[i]!);
  const provinces = maxProvince + 2;
  const bands = KM_BANDS.length + 1;
  const types = Math.max(1, columns.typeCodes.length);
  const counts = new Map<number, number>();
  let firstDay = Infinity;
  for (let i = 0; i < columns.size; i++) firstDay = Math.min(firstDay, columns.day[i]!);
  for (let i = 0; i < columns.size; i++) {
    const band = kmBandOf(columns.km[i]!) + 1;
    const key =
      ((((columns.day[i]! - firstDay) * types + columns.type[i]!) * 3 + columns.side[i]!) *
        provinces +
        columns.province[i]! +
        1) *
        bands +
      band;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const out: Record<(typeof COUNT_COLUMNS)[number], number[]> = {
    day: [],
    type: [],
    side: [],
    province: [],
    kmBand: [],
    count: [],
  };
  for (const key of keys) {
    let rest = key;
    out.kmBand.push((rest % bands) - 1);
    rest = Math.floor(rest / bands);
    out.province.push((rest % provinces) - 1);
    rest = Math.floor(rest / provinces);
    out.side.push(rest % 3);
    rest = Math.floor(rest / 3);
    out.type.push(rest % types);
    out.day.push(Math.floor(rest / types) + firstDay);
    out.count.push(counts.get(key)!);
  }
  const data = parquetWriteBuffer({
    columnData: COUNT_COLUMNS.map((name) => ({
      name,
      type: 'INT32' as const,
      data: out[name],
      nullable: false,
    })),
    rowGroupSize: COUNT_ROW_GROUP,
  });
  return { data: new Uint8Array(data), rows: keys.length };
}
