/** Columns of a range of a Parquet file's rows, read with hyparquet (only the row groups needed). */
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import { parquetRead } from 'hyparquet';

/** Some columns of rows [start, end): `columns[name][i]` is row start + i. */
export interface ColumnBlock {
  start: number;
  length: number;
  columns: Record<string, ArrayLike<unknown>>;
}

/** Reads `names` for rows [start, end) of `file`. */
export async function readColumns(
  file: AsyncBuffer,
  metadata: FileMetaData,
  names: readonly string[],
  start: number,
  end: number,
): Promise<ColumnBlock> {
  const length = Math.max(0, end - start);
  const columns: Record<string, unknown[]> = {};
  for (const name of names) columns[name] = new Array<unknown>(length);
  if (length === 0) return { start, length, columns };
  await parquetRead({
    file,
    metadata,
    columns: [...names],
    rowStart: start,
    rowEnd: end,
    // A chunk may hold rows outside the range asked for: only those inside are kept.
    onChunk: ({ columnName, columnData, rowStart }) => {
      const out = columns[columnName];
      if (!out) return;
      const from = Math.max(start, rowStart);
      const to = Math.min(end, rowStart + columnData.length);
      for (let row = from; row < to; row++) out[row - start] = columnData[row - rowStart];
    },
  });
  return { start, length, columns };
}

/** A column of whole numbers as an Int32Array (nulls as `missing`). */
export function intColumn(values: ArrayLike<unknown>, missing = -1): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out[i] =
      typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : missing;
  }
  return out;
}

/** A column of numbers as a Float64Array (nulls as NaN). */
export function floatColumn(values: ArrayLike<unknown>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out[i] = typeof value === 'number' ? value : NaN;
  }
  return out;
}
