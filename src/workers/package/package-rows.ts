/**
 * The rows of a package: one Parquet file per calendar month, in day order, read a few row
 * groups at a time by range requests. A row id is a row's position across the partitions in
 * order (so in day order), which the raw tile points carry as (partition, row).
 */
import type { PackageManifest, RowColumnName } from '../../domain/package/package-manifest';
import type { PackageFiles } from './package-files';
import type { ColumnBlock } from './read-columns';
import { readColumns } from './read-columns';

/** What a filter reads of a row: its load position, day, type and border attributes. */
export const FILTER_COLUMNS: readonly RowColumnName[] = [
  'index',
  'day',
  'type',
  'side',
  'km',
  'province',
];

export class PackageRows {
  /** The row id of each partition's first row, and the total after the last. */
  private readonly starts: number[];

  constructor(
    private readonly files: PackageFiles,
    private readonly manifest: PackageManifest,
  ) {
    this.starts = [0];
    for (const partition of manifest.rows.partitions)
      this.starts.push(this.starts.at(-1)! + partition.count);
  }

  get total(): number {
    return this.starts.at(-1)!;
  }

  /** The row id of row `row` of partition `part`, or -1 when there is none. */
  rowId(part: number, row: number): number {
    const start = this.starts[part];
    const partition = this.manifest.rows.partitions[part];
    return start === undefined || !partition || row < 0 || row >= partition.count
      ? -1
      : start + row;
  }

  /** Reads `names` of rows [start, end), from every partition they span. */
  async read(names: readonly RowColumnName[], start: number, end: number): Promise<ColumnBlock> {
    const { partitions } = this.manifest.rows;
    const reads: Array<Promise<ColumnBlock>> = [];
    for (let part = 0; part < partitions.length; part++) {
      const from = Math.max(start, this.starts[part]!);
      const to = Math.min(end, this.starts[part + 1]!);
      if (from >= to) continue;
      const { file: path, bytes } = partitions[part]!;
      const file = this.files.parquet(path, bytes);
      const offset = this.starts[part]!;
      reads.push(
        this.files
          .parquetMetadata(path, file)
          .then((metadata) => readColumns(file, metadata, names, from - offset, to - offset)),
      );
    }
    const blocks = await Promise.all(reads);
    const length = Math.max(0, end - start);
    const columns: Record<string, unknown[]> = {};
    for (const name of names) {
      const out = (columns[name] = new Array<unknown>(length));
      let at = 0;
      for (const block of blocks) {
        const column = block.columns[name]!;
        for (let i = 0; i < block.length; i++) out[at + i] = column[i];
        at += block.length;
      }
    }
    return { start, length, columns };
  }

  /** Reads `names` of these rows (sorted row ids), one read per run of nearby rows. */
  async readRows(names: readonly RowColumnName[], rows: readonly number[]): Promise<ColumnBlock[]> {
    const runs: Array<[number, number]> = [];
    for (const row of rows) {
      const last = runs.at(-1);
      // Rows of one row group are read together anyway: a gap within one joins the run.
      if (last && row - last[1] < this.groupSize(row)) last[1] = row + 1;
      else runs.push([row, row + 1]);
    }
    return Promise.all(runs.map(([start, end]) => this.read(names, start, end)));
  }

  /** The row group size of the partition holding `row`. */
  private groupSize(row: number): number {
    let part = 0;
    while (part + 1 < this.starts.length - 1 && this.starts[part + 1]! <= row) part++;
    return this.manifest.rows.partitions[part]?.rowGroupSize ?? 1;
  }
}
