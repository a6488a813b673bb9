// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import { MB, ReadLimitError } from './read-limits';
import { inspectZip, isZip, readWorkbookSheet } from './read-workbook';

/** A workbook written as Excel writes one, with these sheets. */
async function workbook(sheets: Array<{ sheet: string; data: unknown[][] }>): Promise<Uint8Array> {
  const buffer = await writeExcelFile(
    sheets.map(({ sheet, data }) => ({
      sheet,
      data: data.map((row) =>
        row.map((value) =>
          value === null
            ? null
            : value instanceof Date
              ? { value, type: Date, format: 'yyyy-mm-dd hh:mm' }
              : { value },
        ),
      ),
    })) as never,
  ).toBuffer();
  return new Uint8Array(buffer);
}

describe('Reading an Excel workbook', () => {
  it('names its sheets in the workbook’s order', async () => {
    const bytes = await workbook([
      { sheet: 'Events', data: [['date']] },
      { sheet: 'Notes', data: [['text']] },
    ]);
    expect(isZip(bytes)).toBe(true);
    expect(inspectZip(bytes)).toEqual({ kind: 'xlsx', sheets: ['Events', 'Notes'] });
  });

  it('reads cells as a CSV file would give them: numbers as written, dates as ISO text', async () => {
    const bytes = await workbook([
      {
        sheet: 'Events',
        data: [
          ['id', 'date', 'type', 'latitude', null],
          ['a', new Date(Date.UTC(2025, 9, 12, 14, 30)), 'Shelling', 34.5012, null],
          [null, null, null, null, null],
          ['b', new Date(Date.UTC(2025, 9, 13)), 'Airstrike', 32, null],
        ],
      },
    ]);
    const table = await readWorkbookSheet(bytes, 'Events', ['Events']);
    expect(table.header).toEqual(['id', 'date', 'type', 'latitude']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['a', '2025-10-12 14:30:00', 'Shelling', '34.5012'],
      ['b', '2025-10-13', 'Airstrike', '32'],
    ]);
    expect(table.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(table.rows[0]!.raw).toBe('a,2025-10-12 14:30:00,Shelling,34.5012');
    expect(table.warnings.map((w) => w.message)).toEqual([
      '1 row with every cell empty was skipped (row 3)',
    ]);
  });

  it('tells a damaged archive from a file that is not a workbook', () => {
    expect(() => inspectZip(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toThrow(
      /^The file is a damaged ZIP archive/,
    );
  });

  it('refuses an archive that would unpack beyond the limit, before unpacking it', () => {
    // A KMZ whose 3 MB of blanks pack into a few kilobytes, as a decompression bomb's do.
    const kml = strToU8('<kml><Document>' + ' '.repeat(3 * MB) + '</Document></kml>');
    const bytes = zipSync({ 'doc.kml': kml });
    expect(bytes.byteLength).toBeLessThan(64 * 1024);
    let error: unknown;
    try {
      inspectZip(bytes, MB);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReadLimitError);
    expect((error as ReadLimitError).stop).toEqual({
      kind: 'unpacked',
      limit: MB,
      size: kml.length,
    });
    expect(inspectZip(bytes, 4 * MB)).toMatchObject({ kind: 'kmz' });
  });
});
