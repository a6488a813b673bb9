/**
 * Finding the date column of a table by what its cells hold, for a file whose layout is not known.
 */
import type { DateReading } from './incident-date';
import { parseIncidentDate } from './incident-date';

/** The share of a column's filled cells that must read as dates. */
const MIN_DATE_SHARE = 0.6;
const DATE_LIKE_NAME = /date|day|time|when/i;

/** How well a column's sample reads as dates. */
interface Candidate {
  column: string;
  /** 2 for days and months, 1 for bare years and serial numbers (as likely a count or an id). */
  strength: number;
  share: number;
  dateLikeName: boolean;
}

/**
 * The column whose sample values mostly read as dates, with every form accepted and numeric dates
 * counted whatever their day/month order; undefined when none does. A column of days or months
 * beats one of bare years (`2004`) or, with `reading.excelSerial`, of 5-digit numbers, which may
 * as well be a `year` or an id column; then the larger share of dates wins, then a name that looks
 * like a date (`event_date`, `when`), then the first column.
 */
export function guessDateColumn(
  columns: string[],
  sample: Array<Record<string, unknown>>,
  reading: Pick<DateReading, 'excelSerial'> = {},
): string | undefined {
  const everyForm: DateReading = {
    writtenOut: true,
    localDateTime: true,
    excelSerial: reading.excelSerial ?? false,
  };
  let best: Candidate | undefined;
  for (const column of columns) {
    let filled = 0;
    let days = 0;
    let weak = 0;
    for (const row of sample) {
      const value = Object.hasOwn(row, column) ? row[column] : undefined;
      if (isBlank(value)) continue;
      filled++;
      const result = parseIncidentDate(value, everyForm);
      if (result.ok) {
        if (result.precision === 'year' || isSerialNumber(value)) weak++;
        else days++;
      } else if (result.ambiguousOrder) {
        days++;
      }
    }
    if (filled === 0) continue;
    const candidate =
      days / filled >= MIN_DATE_SHARE
        ? { strength: 2, share: days / filled }
        : (days + weak) / filled >= MIN_DATE_SHARE
          ? { strength: 1, share: (days + weak) / filled }
          : null;
    if (!candidate) continue;
    const next = { column, ...candidate, dateLikeName: DATE_LIKE_NAME.test(column) };
    if (!best || isBetter(next, best)) best = next;
  }
  return best?.column;
}

function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.strength !== b.strength) return a.strength > b.strength;
  if (a.share !== b.share) return a.share > b.share;
  return a.dateLikeName && !b.dateLikeName;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** A number or a string of digits with no date separators: read as a date only as a serial day. */
function isSerialNumber(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+(?:\.\d+)?$/.test(value));
}
