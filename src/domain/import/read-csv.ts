import Papa from 'papaparse';
import type { LoadWarning } from '../incident';
import type { IncidentFileError } from './file-error-words';
import { fileError } from './file-error-words';
import { sentWarning, skippedLines } from './warning-words';
import type { Reason } from '../rejection-words';
import { rejectionReason } from '../rejection-words';

/** One data row as read: its cells in column order, where it stood and its exact text. */
export interface CsvRow {
  cells: string[];
  /** 1-based line on which the row starts (a quoted field may span lines). */
  line: number;
  /** The row's exact source text, without its final line break. */
  raw: string;
  /** Why the row cannot be used as it stands (malformed quotes, a wrong number of fields). */
  /** Why the row cannot be read as one (rejection-words.ts). */
  error?: Reason;
}

export interface CsvTable {
  /** The header cells exactly as written, duplicates and blanks included. */
  header: string[];
  rows: CsvRow[];
  warnings: LoadWarning[];
}

/** Delimiters tried, in this order, when the header line has no comma. */
const OTHER_DELIMITERS = ['\t', ';', '|'];

function stripLineBreak(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}

/** An HXL hashtag row (HDX copies carry one under the header): every filled cell starts with #. */
export function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  return filled.length > 0 && filled.every((cell) => cell.trim().startsWith('#'));
}

/**
 * The delimiter: a comma whenever the header line splits on commas into two or more columns,
 * else whichever of tab, semicolon or pipe splits it into the most. Decided on the header alone
 * so that commas or semicolons inside the data can never tip the choice.
 */
function chooseDelimiter(text: string): string {
  const headerText = text.slice(/^(?:[ \t]*\r?\n)*/.exec(text)![0].length);
  const headerFields = (delimiter: string) => {
    const { data, errors } = Papa.parse<string[]>(headerText, { delimiter, preview: 1 });
    return errors.length === 0 ? (data[0]?.length ?? 0) : 0;
  };
  if (headerFields(',') >= 2) return ',';
  let best = ',';
  let most = 1;
  for (const delimiter of OTHER_DELIMITERS) {
    const fields = headerFields(delimiter);
    if (fields > most) [best, most] = [delimiter, fields];
  }
  return best;
}

/**
 * Reads CSV text row by row with papaparse, keeping every column (no header renaming or merging)
 * and each row's line and exact text. `onProgress` gets the fraction of the text read.
 */
export function readCsv(text: string, onProgress: (fraction: number) => void): CsvTable {
  const lineBreak = text.includes('\n') ? '\n' : '\r';
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  const warnings: LoadWarning[] = [];
  let cursor = 0;
  let line = 1;
  let headerError: IncidentFileError | null = null;
  const emptyRowLines: number[] = [];

  Papa.parse<string[]>(text, {
    header: false,
    delimiter: chooseDelimiter(text),
    skipEmptyLines: false,
    step(result, parser) {
      const end = result.meta.cursor;
      const slice = text.slice(cursor, end);
      const startLine = line;
      cursor = end;
      for (let at = slice.indexOf(lineBreak); at !== -1; at = slice.indexOf(lineBreak, at + 1)) {
        line++;
      }
      onProgress(end / text.length);

      const cells = result.data;
      const errors = result.errors.filter((error) => error.type !== 'Delimiter');
      const raw = stripLineBreak(slice);
      if (header === null) {
        if (errors.length === 0 && cells.every((cell) => cell === '')) return; // blank lines on top
        if (errors.length > 0) {
          headerError = fileError('csvHeader', { line: startLine, detail: errors[0]!.message });
          parser.abort();
          return;
        }
        header = cells;
        return;
      }
      if (errors.length === 0 && cells.every((cell) => cell === '')) {
        // A blank line holds nothing (papaparse also reports the end of a final line break so);
        // a row of bare separators, as spreadsheets leave, holds nothing either but is named.
        if (cells.length > 1) emptyRowLines.push(startLine);
        return;
      }
      if (rows.length === 0 && warnings.length === 0 && isHxlRow(cells)) {
        const tag = cells.find((c) => c.trim() !== '')!;
        warnings.push(sentWarning('skipped-row', 'hxlLine', { line: startLine, tag }));
        return;
      }
      const row: CsvRow = { cells, line: startLine, raw };
      if (errors.length > 0) {
        const detail = errors.map((e) => e.message).join('; ');
        row.error = rejectionReason('table.badRow', { detail });
      } else if (cells.length !== header.length) {
        row.error = rejectionReason('table.fieldCount', {
          cells: cells.length,
          header: header.length,
        });
      }
      rows.push(row);
    },
  });

  if (headerError !== null) throw headerError;
  if (header === null) throw fileError('empty');
  const columns: string[] = header;
  if (columns.length < 2) {
    throw fileError('notTable');
  }
  if (emptyRowLines.length > 0) {
    warnings.push(sentWarning('skipped-row', 'emptyLines', skippedLines(emptyRowLines)));
  }
  return { header: columns, rows, warnings };
}
