/**
 * The incident list over a package, by date, in the in-tab list's order: by day (newest or
 * oldest first), ties in load order. The counts say how many matches each day holds, so a page
 * reads only the rows of the days it shows: first their filter columns, to find the page's rows,
 * then those rows in full.
 */
import { PACKAGE_DATE_ORDER_ONLY } from '../../domain/filters/package-answers';
import type { ListSort } from '../engine-protocol';
import type { PackageCounts } from './package-counts';
import type { PackageQuery } from './package-query';
import { keepsPoint } from './package-query';
import type { PackageRows } from './package-rows';
import { FILTER_COLUMNS } from './package-rows';
import type { ColumnBlock } from './read-columns';

export class PackageList {
  /** The row id of the first row of each day (from the first day), and the total after the last. */
  private readonly dayStarts: Float64Array;

  constructor(
    private readonly counts: PackageCounts,
    private readonly rows: PackageRows,
  ) {
    const perDay = counts.perDay(null);
    this.dayStarts = new Float64Array(perDay.length + 1);
    for (let d = 0; d < perDay.length; d++) this.dayStarts[d + 1] = this.dayStarts[d]! + perDay[d]!;
  }

  /** Row ids [start, end) of the days from `fromDay` to `toDay` (inclusive, clipped). */
  rowsOfDays(fromDay: number, toDay: number): [number, number] {
    const last = this.counts.days - 1;
    const a = Math.max(0, Math.min(last + 1, fromDay - this.counts.firstDay));
    const b = Math.max(-1, Math.min(last, toDay - this.counts.firstDay));
    return b < a ? [0, 0] : [this.dayStarts[a]!, this.dayStarts[b + 1]!];
  }

  /** How many incidents match, and the row ids of positions [offset, offset + limit). */
  async page(
    query: PackageQuery,
    sort: ListSort,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: number[] }> {
    const days = this.matchingDays(query, sort);
    const total = days.reduce((sum, d) => sum + d.count, 0);
    let before = 0;
    const shown: number[] = [];
    for (const d of days) {
      if (before + d.count <= offset) {
        before += d.count;
        continue;
      }
      if (shown.length >= limit) break;
      const matches = await this.matchesOfDay(query, d.day);
      const skip = Math.max(0, offset - before);
      shown.push(...matches.slice(skip, skip + limit - shown.length));
      before += d.count;
    }
    return { total, rows: shown };
  }

  /** Where row `row` stands in the list's order, or -1 when the filter hides it. */
  async position(query: PackageQuery, sort: ListSort, row: number): Promise<number> {
    const block = await this.rows.read(FILTER_COLUMNS, row, row + 1);
    if (!keeps(query, block, 0)) return -1;
    const day = Number(block.columns.day![0]);
    let before = 0;
    for (const d of this.matchingDays(query, sort)) {
      if (d.day === day) break;
      before += d.count;
    }
    return before + (await this.matchesOfDay(query, day)).indexOf(row);
  }

  /** The days with matches, in the sort's order, with how many each holds. */
  private matchingDays(query: PackageQuery, sort: ListSort): Array<{ day: number; count: number }> {
    if (sort.key !== 'date') throw new Error(PACKAGE_DATE_ORDER_ONLY);
    const perDay = this.counts.perDay(query);
    const days: Array<{ day: number; count: number }> = [];
    for (let d = 0; d < perDay.length; d++) {
      const day = this.counts.firstDay + d;
      if (perDay[d]! > 0 && day >= query.fromDay && day <= query.toDay)
        days.push({ day, count: perDay[d]! });
    }
    return sort.direction === 'asc' ? days : days.reverse();
  }

  /** The matching rows of one day, in load order. */
  private async matchesOfDay(query: PackageQuery, day: number): Promise<number[]> {
    const [start, end] = this.rowsOfDays(day, day);
    const block = await this.rows.read(FILTER_COLUMNS, start, end);
    const matches: Array<{ row: number; index: number }> = [];
    for (let i = 0; i < block.length; i++)
      if (keeps(query, block, i))
        matches.push({ row: start + i, index: Number(block.columns.index![i]) });
    return matches.sort((a, b) => a.index - b.index).map((m) => m.row);
  }
}

/** Whether row i of a block read with FILTER_COLUMNS passes the query. */
export function keeps(query: PackageQuery, block: ColumnBlock, i: number): boolean {
  const c = block.columns;
  const km = c.km![i];
  return keepsPoint(query, Number(c.day![i]), {
    type: Number(c.type![i]),
    side: Number(c.side![i] ?? 0),
    province: Number(c.province![i] ?? -1),
    band: -1,
    km: typeof km === 'number' ? km : NaN,
  });
}
