/**
 * The synthetic incidents as a table, as spreadsheets hold them: one row an incident, this app's
 * own column names, the position in longitude and latitude columns. Written as CSV text or as an
 * Excel workbook whose dates are date cells, as HDX and ACLED workbooks hold them.
 */
import Papa from 'papaparse';
import writeExcelFile from 'write-excel-file/node';
import type { SyntheticFeature, SyntheticOptions } from './synthetic-incidents';
import { generateSyntheticFeatures } from './synthetic-incidents';

const COLUMNS = [
  'id',
  'date',
  'type',
  'country',
  'province',
  'district',
  'place',
  'fatalities_min',
  'fatalities_max',
  'summary',
  'source_urls',
  'longitude',
  'latitude',
] as const;

type Cell = string | number | Date | null;

function rowOf(feature: SyntheticFeature, dateCell: (date: string) => Cell): Cell[] {
  const p = feature.properties;
  const list = (value: unknown) => (Array.isArray(value) ? value.join('; ') : '');
  const [longitude, latitude] = feature.geometry?.coordinates ?? [null, null];
  return [
    feature.id,
    dateCell(String(p.date)),
    String(p.type),
    list(p.country),
    list(p.province),
    list(p.district),
    String(p.place),
    p.fatalities_min as number,
    p.fatalities_max as number,
    String(p.summary),
    list(p.source_urls),
    longitude,
    latitude,
  ];
}

/** The table as CSV text (RFC 4180, CRLF), in chunks. */
export function* syntheticCsv(options: SyntheticOptions, chunkRows = 10_000): Generator<string> {
  let rows: Cell[][] = [];
  yield Papa.unparse([[...COLUMNS]], { newline: '\r\n' }) + '\r\n';
  for (const feature of generateSyntheticFeatures(options)) {
    rows.push(rowOf(feature, (date) => date));
    if (rows.length === chunkRows) {
      yield Papa.unparse(rows, { newline: '\r\n' }) + '\r\n';
      rows = [];
    }
  }
  if (rows.length > 0) yield Papa.unparse(rows, { newline: '\r\n' }) + '\r\n';
}

/** The table as an .xlsx workbook: a day is a date cell, a time with its offset stays text. */
export async function syntheticWorkbook(options: SyntheticOptions): Promise<Buffer> {
  const cell = (value: Cell) =>
    value === null
      ? null
      : value instanceof Date
        ? { value, type: Date, format: 'yyyy-mm-dd' }
        : { value };
  const data = [COLUMNS.map((column) => ({ value: column }))];
  for (const feature of generateSyntheticFeatures(options)) {
    const row = rowOf(feature, (date) =>
      /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : date,
    );
    data.push(row.map(cell) as never);
  }
  return writeExcelFile(data as never, { sheet: 'Incidents' }).toBuffer();
}
