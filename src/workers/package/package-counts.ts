/**
 * A package's counts.parquet, read once into typed columns: one row per distinct (day, type,
 * side, province, distance band) with its count. The count, the timeline, the type counts, the
 * provinces and the list's day positions are each one pass over it.
 */
import type { PackageManifest } from '../../domain/package/package-manifest';
import type { PackageFiles } from './package-files';
import type { Cell, PackageQuery } from './package-query';
import { keepsBorder } from './package-query';
import { intColumn, readColumns } from './read-columns';

/** A query's counts, by the package's own type and province positions. */
export interface CountAnswer {
  count: number;
  unlocated: number;
  /** Per type: matches under every filter but the types. */
  typeCounts: number[];
  /** Per type and day (`t * days + d`): matches under every filter but the dates. */
  byType: Int32Array;
  /** Per province: located matches under every filter but the province. */
  provinceCounts: number[];
}

export class PackageCounts {
  private constructor(
    private readonly day: Int32Array,
    private readonly type: Int32Array,
    private readonly side: Int32Array,
    private readonly province: Int32Array,
    private readonly band: Int32Array,
    private readonly count: Int32Array,
    /** The first day of the package and how many days it spans. */
    readonly firstDay: number,
    readonly days: number,
  ) {}

  /** Reads the counts file of the package (one range request for its footer, then its data). */
  static async read(
    files: PackageFiles,
    manifest: PackageManifest,
    span: { firstDay: number; days: number },
  ): Promise<PackageCounts> {
    const { file: path } = manifest.counts;
    const entry = manifest.files.find((f) => f.path === path);
    if (!entry) throw new Error(`The package's manifest does not list its counts file ${path}.`);
    const file = files.parquet(path, entry.bytes);
    const metadata = await files.parquetMetadata(path, file);
    const rows = Number(metadata.num_rows);
    const names = ['day', 'type', 'side', 'province', 'kmBand', 'count'];
    const { columns } = await readColumns(file, metadata, names, 0, rows);
    return new PackageCounts(
      intColumn(columns.day!),
      intColumn(columns.type!),
      intColumn(columns.side!, 0),
      intColumn(columns.province!),
      intColumn(columns.kmBand!),
      intColumn(columns.count!, 0),
      span.firstDay,
      span.days,
    );
  }

  /** The counts of a query (see CountAnswer). */
  answer(query: PackageQuery, typeCount: number, provinceCount: number): CountAnswer {
    const { firstDay, days } = this;
    const answer: CountAnswer = {
      count: 0,
      unlocated: 0,
      typeCounts: new Array<number>(typeCount).fill(0),
      byType: new Int32Array(typeCount * days),
      provinceCounts: new Array<number>(provinceCount).fill(0),
    };
    const anyProvince = { ...query, province: null };
    for (let i = 0; i < this.day.length; i++) {
      const cell = this.cell(i);
      const n = this.count[i]!;
      const day = this.day[i]!;
      const inDays = day >= query.fromDay && day <= query.toDay;
      const typeOk = query.types[cell.type] === 1;
      // Like every choice's count, the choropleth ignores its own selection (the province).
      if (inDays && typeOk && cell.province >= 0 && keepsBorder(anyProvince, cell, true))
        answer.provinceCounts[cell.province]! += n;
      if (!keepsBorder(query, cell, true)) continue;
      if (typeOk) answer.byType[cell.type * days + (day - firstDay)]! += n;
      if (!inDays) continue;
      answer.typeCounts[cell.type]! += n;
      if (!typeOk) continue;
      answer.count += n;
      if (cell.band < 0) answer.unlocated += n;
    }
    return answer;
  }

  /** Incidents per day (from the first day): all of them, or a query's under all but the dates. */
  perDay(query: PackageQuery | null): Int32Array {
    const counts = new Int32Array(this.days);
    for (let i = 0; i < this.day.length; i++) {
      if (query && (query.types[this.type[i]!] !== 1 || !keepsBorder(query, this.cell(i), true)))
        continue;
      counts[this.day[i]! - this.firstDay]! += this.count[i]!;
    }
    return counts;
  }

  private cell(i: number): Cell {
    return {
      type: this.type[i]!,
      side: this.side[i]!,
      province: this.province[i]!,
      band: this.band[i]!,
      km: NaN,
    };
  }
}
