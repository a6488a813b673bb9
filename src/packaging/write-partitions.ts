/**
 * Writes rows/<YYYY-MM>.parquet, one file per month from its spill, rows sorted by day then id
 * (then position in the file), in row groups of ROW_GROUP_SIZE so a reader fetches one by range.
 * Sets each incident's partition and row in the columns, for the tiles to point at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import type { RowPartition } from '../domain/package/package-manifest';
import { PACKAGE_FILES, ROW_COLUMNS, rowPartitionFile } from '../domain/package/package-manifest';
import type { IncidentColumns } from './incident-columns';
import type { RowSpill, SpilledRow } from './row-spill';

/** Rows per row group: a few thousand, so opening one incident reads a few hundred kB at most. */
export const ROW_GROUP_SIZE = 2048;

const nullIfNaN = (value: number) => (Number.isNaN(value) ? null : value);

export function writePartitions(
  spill: RowSpill,
  columns: IncidentColumns,
  outDir: string,
  log: (message: string) => void = () => {},
): Array<RowPartition & { data: Uint8Array }> {
  mkdirSync(join(outDir, PACKAGE_FILES.rowsFolder), { recursive: true });
  const partitions: Array<RowPartition & { data: Uint8Array }> = [];
  for (const month of spill.finish()) {
    const rows = spill.read(month);
    const day = (row: SpilledRow) => columns.day[row[0]]!;
    rows.sort((a, b) => day(a) - day(b) || compare(a[2], b[2]) || a[1] - b[1]);
    const part = partitions.length;
    rows.forEach(([seq], i) => {
      columns.part[seq] = part;
      columns.row[seq] = i;
    });
    const data = parquetWriteBuffer({
      columnData: rowColumns(rows, columns),
      rowGroupSize: ROW_GROUP_SIZE,
    });
    const bytes = new Uint8Array(data);
    const file = rowPartitionFile(month);
    writeFileSync(join(outDir, file), bytes);
    partitions.push({
      file,
      month,
      from: day(rows[0]!),
      to: day(rows.at(-1)!),
      count: rows.length,
      rowGroupSize: ROW_GROUP_SIZE,
      rowGroups: Math.ceil(rows.length / ROW_GROUP_SIZE),
      bytes: bytes.length,
      data: bytes,
    });
    log(`rows: ${file} ${rows.length} incidents`);
  }
  return partitions;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Parquet columns of ROW_COLUMNS for these rows, in their order. */
function rowColumns(rows: readonly SpilledRow[], c: IncidentColumns): ColumnSource[] {
  const seqs = rows.map((row) => row[0]);
  const values: Record<(typeof ROW_COLUMNS)[number]['name'], unknown[]> = {
    index: rows.map((row) => row[1]),
    id: rows.map((row) => row[2]),
    date: rows.map((row) => row[3]),
    datePrecision: rows.map((row) => row[4]),
    day: seqs.map((s) => c.day[s]),
    type: seqs.map((s) => c.type[s]),
    lon: seqs.map((s) => nullIfNaN(c.lon[s]!)),
    lat: seqs.map((s) => nullIfNaN(c.lat[s]!)),
    side: seqs.map((s) => c.side[s]),
    km: seqs.map((s) => nullIfNaN(c.km[s]!)),
    chainage: seqs.map((s) => nullIfNaN(c.chainage[s]!)),
    province: seqs.map((s) => c.province[s]),
    crossing: seqs.map((s) => c.crossing[s]),
    crossingKm: seqs.map((s) => nullIfNaN(c.crossingKm[s]!)),
    feature: rows.map((row) => JSON.stringify(row[5])),
  };
  return ROW_COLUMNS.map(({ name, type }) => ({ name, type, data: values[name] }));
}
