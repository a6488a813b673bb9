/**
 * Incident dates. The day of an incident is the calendar date as written (the `YYYY-MM-DD`
 * prefix), never converted between time zones: `2025-10-12T01:00:00+05:00` happened on 12 Oct
 * local time even though it is 11 Oct in UTC.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
/** A datetime with a space or `T` and an optional offset, as UCDP writes `1990-10-04 00:00:00.000`. */
const LOCAL_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
/** Day, month name, year, as ACLED's export tool writes `12 October 2025`. */
const WRITTEN_OUT = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/;
/** Two numbers and a year: `03/04/2025`, `3.4.2025`, `03-04-25`. The order is not knowable. */
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const MS_PER_DAY = 86_400_000;

/** The order of the two numbers in a date like `03/04/2025`, declared for a whole file. */
export type DayOrder = 'dmy' | 'mdy';

export type DateResult =
  | { ok: true; day: string; dayNumber: number }
  | {
      ok: false;
      error: string;
      /** True when the value is a numeric date whose day/month order was not declared. */
      ambiguousOrder?: boolean;
    };

/** Which forms a reader accepts besides ISO 8601, and how to name the field in messages. */
export interface DateReading {
  /** Field name used in messages; `date` unless told. */
  field?: string;
  /** Declared order for numeric dates such as `03/04/2025`; without it they are rejected. */
  dayOrder?: DayOrder;
  /** Accept `12 October 2025` (ACLED's export tool). */
  writtenOut?: boolean;
  /** Accept a datetime without offset, `T` or space separated (UCDP's `1990-10-04 00:00:00.000`). */
  localDateTime?: boolean;
}

/** Days since 1970-01-01 of a calendar date, or null when it is not a real date. */
function toDayNumber(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return null;
  }
  return ms / MS_PER_DAY;
}

function toDay(year: number, month: number, day: number): DateResult | null {
  const dayNumber = toDayNumber(year, month, day);
  if (dayNumber === null) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, day: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`, dayNumber };
}

/**
 * Parses an incident's date. ISO 8601 always: `YYYY-MM-DD`, or a datetime with `Z` or an offset;
 * the forms in `reading` only when asked. The day is the date as written, never shifted by a time
 * zone. Numeric dates such as `03/04/2025` load only with a declared `dayOrder`: the order is
 * never guessed, even when one number is above 12, so a whole file is read one way.
 */
export function parseIncidentDate(value: unknown, reading: DateReading = {}): DateResult {
  const field = reading.field ?? 'date';
  if (value === undefined || value === null || value === '') {
    return { ok: false, error: `${field} is missing` };
  }
  if (typeof value !== 'string') {
    return { ok: false, error: `${field} ${describeValue(value)} is not a string` };
  }
  const quoted = `${field} "${clip(value)}"`;

  const iso =
    ISO_DATE.exec(value) ??
    ISO_DATETIME.exec(value) ??
    (reading.localDateTime ? LOCAL_DATETIME.exec(value) : null);
  if (iso) {
    return (
      toDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? {
        ok: false,
        error: `${quoted} is not a calendar date`,
      }
    );
  }

  const written = reading.writtenOut ? WRITTEN_OUT.exec(value) : null;
  if (written) {
    const month = MONTHS.indexOf(written[2]!.toLowerCase()) + 1;
    if (month === 0) {
      return { ok: false, error: `${quoted} does not name a month in English` };
    }
    return (
      toDay(Number(written[3]), month, Number(written[1])) ?? {
        ok: false,
        error: `${quoted} is not a calendar date`,
      }
    );
  }

  const numeric = NUMERIC_DATE.exec(value);
  if (numeric) return parseNumericDate(numeric, quoted, reading.dayOrder);

  const forms = ['ISO 8601 YYYY-MM-DD or a datetime with offset'];
  if (reading.localDateTime) forms.push('YYYY-MM-DD HH:MM:SS');
  if (reading.writtenOut) forms.push('"12 October 2025"');
  return { ok: false, error: `${quoted} is not ${forms.join(', ')}` };
}

function parseNumericDate(
  [, first, , second, year]: RegExpExecArray,
  quoted: string,
  dayOrder: DayOrder | undefined,
): DateResult {
  if (dayOrder === undefined) {
    return {
      ok: false,
      ambiguousOrder: true,
      error:
        `${quoted} is not ISO 8601 YYYY-MM-DD: its day/month order is ambiguous; ` +
        'declare day/month/year or month/day/year for the whole file, or write YYYY-MM-DD',
    };
  }
  if (year!.length !== 4) {
    return { ok: false, error: `${quoted} has a two-digit year; write the year in full` };
  }
  const [day, month] = dayOrder === 'dmy' ? [first, second] : [second, first];
  return (
    toDay(Number(year), Number(month), Number(day)) ?? {
      ok: false,
      error: `${quoted} is not a calendar date in ${dayOrder === 'dmy' ? 'day/month/year' : 'month/day/year'} order`,
    }
  );
}

/** Parses a bare `YYYY-MM-DD` (URL and form values); null when it is anything else. */
export function parseDay(value: string): { day: string; dayNumber: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const dayNumber = toDayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
  return dayNumber === null ? null : { day: value, dayNumber };
}

/** `YYYY-MM-DD` of a day number. */
export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function clip(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

/** A short, safe description of any value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value}`;
}
