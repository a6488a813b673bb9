/**
 * ZIP-based files: an Excel workbook (.xlsx) is read sheet by sheet with read-excel-file, a KMZ
 * (zipped KML, as Google Earth saves) gives its KML text. fflate lists the archive's entries and
 * unpacks only the small ones needed to tell which it is.
 */
import { fileError } from './file-error-words';
import type { UnzipFileInfo } from 'fflate';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { DOMParser } from '@xmldom/xmldom';
import type { LoadWarning } from '../incident';
import { sentWarning, skippedLines } from './warning-words';
import type { CsvRow, CsvTable } from './read-csv';
import { DEFAULT_MAX_BYTES, ReadLimitError } from './read-limits';
import { isHxlRow } from './read-csv';

export type ZipContent =
  { kind: 'xlsx'; sheets: string[] } | { kind: 'kmz'; kml: Uint8Array } | { kind: 'other' };

/** Whether bytes start as a ZIP archive does (`PK\3\4`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * What a ZIP archive holds: a workbook and its sheet names, a KMZ's KML, or something else.
 * Throws ReadLimitError when its entries would unpack to more than `unpackLimit` bytes, as the
 * archive declares them: fflate never unpacks an entry beyond its declared size.
 */
export function inspectZip(bytes: Uint8Array, unpackLimit = DEFAULT_MAX_BYTES): ZipContent {
  const names: string[] = [];
  let unpacked = 0;
  // A first pass only lists the entries, unpacking nothing.
  unzipOrExplain(bytes, (file) => {
    names.push(file.name);
    unpacked += file.originalSize;
    return false;
  });
  if (unpacked > unpackLimit)
    throw new ReadLimitError({ kind: 'unpacked', limit: unpackLimit, size: unpacked });
  const files = unzipOrExplain(
    bytes,
    (file) => file.name === 'xl/workbook.xml' || /\.kml$/i.test(file.name),
  );
  const workbook = files['xl/workbook.xml'];
  if (workbook) return { kind: 'xlsx', sheets: sheetNames(strFromU8(workbook)) };
  // A KMZ's main document is doc.kml by convention, else its first KML file.
  const kml =
    names.find((name) => name === 'doc.kml') ?? names.find((name) => /\.kml$/i.test(name));
  if (kml !== undefined) return { kind: 'kmz', kml: files[kml]! };
  return { kind: 'other' };
}

/** The entries `filter` keeps, unpacked; a damaged archive is named as such. */
function unzipOrExplain(
  bytes: Uint8Array,
  filter: (file: UnzipFileInfo) => boolean,
): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    throw fileError('damagedZip', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The sheet names of `xl/workbook.xml`, in the workbook's order. */
function sheetNames(xml: string): string[] {
  const document = new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml');
  return Array.from(document.getElementsByTagName('sheet'))
    .map((sheet) => sheet.getAttribute('name') ?? '')
    .filter((name) => name !== '');
}

/** A cell as text: numbers exactly as the file stores them, dates as ISO 8601, no time zone. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // read-excel-file gives a cell's calendar date and clock time in UTC fields.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return String(value);
}

/**
 * Reads one sheet as a table of text, as a CSV file would give it: the first non-empty row is
 * the header, every later row keeps its sheet row number as its line, and its text as one CSV
 * line (for "Download rejected").
 */
export async function readWorkbookSheet(
  bytes: Uint8Array,
  sheet: string,
  sheets: readonly string[],
): Promise<CsvTable> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let data: unknown[][];
  try {
    data = (await readSheet(buffer as ArrayBuffer, sheets.indexOf(sheet) + 1, {
      // Keep each number's own text: 34.5012 stays "34.5012", never a rounded float.
      parseNumber: (text: string) => text,
      trim: false,
    })) as unknown[][];
  } catch (error) {
    throw fileError('workbookUnreadable', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const warnings: LoadWarning[] = [];
  const emptyRows: number[] = [];
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  data.forEach((row, i) => {
    const line = i + 1;
    const cells = row.map(cellText);
    const empty = cells.every((cell) => cell.trim() === '');
    if (header === null) {
      if (!empty) header = trimEnd(cells, 0);
      return;
    }
    if (empty) {
      emptyRows.push(line);
      return;
    }
    if (rows.length === 0 && isHxlRow(cells)) {
      const tag = cells.find((c) => c.trim() !== '')!;
      warnings.push(sentWarning('skipped-row', 'hxlRow', { line, tag }));
      return;
    }
    // Every row comes as wide as the sheet's widest; blank cells past the header are not data.
    const kept = trimEnd(cells, header.length);
    rows.push({ cells: kept, line, raw: Papa.unparse([kept], { newline: '\r\n' }) });
  });
  if (header === null) throw fileError('sheetEmpty', { sheet });
  if (emptyRows.length > 0) {
    warnings.push(sentWarning('skipped-row', 'emptyRows', skippedLines(emptyRows)));
  }
  return { header, rows, warnings };
}

/** Cells without the blank ones a sheet leaves on its right, keeping at least `keep` of them. */
function trimEnd(cells: string[], keep: number): string[] {
  let end = cells.length;
  while (end > keep && cells[end - 1]!.trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}
