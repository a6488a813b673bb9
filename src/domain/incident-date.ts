/**
 * Incident dates. The day of an incident is the calendar date as written (the `YYYY-MM-DD`
 * prefix), never converted between time zones: `2025-10-12T01:00:00+05:00` happened on 12 Oct
 * local time even though it is 11 Oct in UTC.
 */

import { clipText } from './display-text';
import type { Message, MessageValues } from './message';
import type { RejectionKey } from './rejection-words';
import { rejectionReason, weekdayMessage } from './rejection-words';
import { valueMessage } from './value-words';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
/** A datetime with a space or `T` and an optional offset, as UCDP writes `1990-10-04 00:00:00.000`. */
const LOCAL_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
/** ISO 8601 reduced precision: a month `2004-06` or a year `2004`. */
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_YEAR = /^(\d{4})$/;
/** An Excel serial day number with an optional time of day: `45942`, `45942.5`. */
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;
/** Year first, so never ambiguous: `2004/06/18`, `2004.6.18`. */
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/;
/** A leading weekday, `Friday, ` or `Fri `, checked against the date that follows. */
const WEEKDAY_PREFIX = /^([A-Za-z]+)\.?,?\s+(.+)$/;
const ORDINAL = '(?:st|nd|rd|th)?';
/** `June 18, 2004`, `Jun 18 2004`, `June 18th, 2004`. */
const MONTH_FIRST = new RegExp(`^([a-z]+)\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4}|\\d{2})$`, 'i');
/** `18 June 2004`, as ACLED's export tool writes `12 October 2025`; `18 Jun, 2004`, `18th of June 2004`. */
const DAY_FIRST = new RegExp(
  `^(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?([a-z]+)\\.?,?\\s+(\\d{4}|\\d{2})$`,
  'i',
);
/** `18-Jun-2004`. */
const DAY_FIRST_HYPHENATED = /^(\d{1,2})-([a-z]+)-(\d{4}|\d{2})$/i;
/** `June 2004`, `Jun 2004`: month precision. */
const MONTH_ONLY = /^([a-z]+)\.?,?\s+(\d{4})$/i;
/** Two numbers and a year: `03/04/2025`, `3.4.2025`, `03-04-25`. The order is not knowable. */
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

/** Weekdays from Sunday, as `Date.getUTCDay` counts them: the names a date may be written with. */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Weekday numbers by English name, full or abbreviated (`tues`, `thurs` too), lower case. */
const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = new Map(
  WEEKDAYS.flatMap((name, i) => {
    const lower = name.toLowerCase();
    const extra =
      lower === 'tuesday' ? ['tues'] : lower === 'thursday' ? ['thu', 'thur', 'thurs'] : [];
    return [lower, lower.slice(0, 3), ...extra].map((key) => [key, i] as const);
  }),
);

/** Serial day 0 of Excel's 1900 date system is 1899-12-30, 25 569 days before 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

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

/** Month numbers by English name, full or abbreviated (`sept` too), lower case. */
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((name, i) => {
    const extra = name === 'september' ? ['sept'] : [];
    return [name, name.slice(0, 3), ...extra].map((key) => [key, i + 1] as const);
  }),
);

const MS_PER_DAY = 86_400_000;

/** The orders the two numbers of a date like `03/04/2025` can be declared in, for a whole file. */
export const DAY_ORDERS = ['dmy', 'mdy'] as const;

/** The order of the two numbers in a date like `03/04/2025`, declared for a whole file. */
export type DayOrder = (typeof DAY_ORDERS)[number];

/** Whether a value (read from storage, or sent to the worker) is a day order. */
export function isDayOrder(value: unknown): value is DayOrder {
  return (DAY_ORDERS as readonly unknown[]).includes(value);
}

/** How much of a date is known when it is not a whole day (ISO 8601 reduced precision). */
export type DatePrecision = 'month' | 'year';

export type DateResult =
  | {
      ok: true;
      /** The day as written; for a month or a year, its first day. */
      day: string;
      dayNumber: number;
      /** Set only for a month (`2004-06`) or a year (`2004`); absent means a whole day. */
      precision?: DatePrecision;
    }
  | {
      ok: false;
      /** The reason in English; `message` is the same for the reader (rejection-words.ts). */
      error: string;
      message?: Message;
      /** True when the value is a numeric date whose day/month order was not declared. */
      ambiguousOrder?: boolean;
    };

/**
 * Which forms a reader accepts besides ISO 8601 (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, a datetime with
 * offset), and how to name the field in messages.
 */
export interface DateReading {
  /** Field name used in messages; `date` unless told. */
  field?: string;
  /** Declared order for numeric dates such as `03/04/2025`; without it they are rejected. */
  dayOrder?: DayOrder;
  /**
   * Accept English month names, as people and spreadsheets write dates: `12 October 2025`
   * (ACLED's export tool), `Friday, June 18, 2004`, `18-Jun-2004`, `June 2004`; and the year-first
   * `2004/06/18` and `2004.06.18`.
   */
  writtenOut?: boolean;
  /** Accept a datetime without offset, `T` or space separated (UCDP's `1990-10-04 00:00:00.000`). */
  localDateTime?: boolean;
  /** Accept Excel serial day numbers, `45942` or `45942.5` (XLSX cells not formatted as dates). */
  excelSerial?: boolean;
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

/** A date that was read. */
type DateFound = Extract<DateResult, { ok: true }>;

function toDay(year: number, month: number, day: number): DateFound | null {
  const dayNumber = toDayNumber(year, month, day);
  if (dayNumber === null) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, day: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`, dayNumber };
}

/** The first day of a month or a year, marked with its precision. */
function toPeriod(year: number, month: number, precision: DatePrecision): DateFound | null {
  const first = toDay(year, month, 1);
  return first && { ...first, precision };
}

/**
 * Parses an incident's date. ISO 8601 always: `YYYY-MM-DD`, a datetime with `Z` or an offset, or
 * the reduced precision `YYYY-MM` and `YYYY` (read as the period's first day, with `precision`);
 * the forms in `reading` only when asked. The day is the date as written, never shifted by a time
 * zone. Numeric dates such as `03/04/2025` load only with a declared `dayOrder`: the order is
 * never guessed, even when one number is above 12, so a whole file is read one way.
 */
export function parseIncidentDate(value: unknown, reading: DateReading = {}): DateResult {
  const field = reading.field ?? 'date';
  if (value === undefined || value === null || value === '') {
    return fail('field.missing', { field });
  }
  // A spreadsheet's number cell may arrive as a number: a year or a serial day.
  const text =
    reading.excelSerial && typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : value;
  if (typeof text !== 'string') {
    return fail('field.notString', { field, value: valueMessage(value) });
  }
  // Reasons are worded only where they are the answer, inline (not in a closure made per call):
  // every row of a large file takes the ISO path, and wording one costs more than reading it.
  const iso =
    ISO_DATE.exec(text) ??
    ISO_DATETIME.exec(text) ??
    (reading.localDateTime ? LOCAL_DATETIME.exec(text) : null);
  if (iso)
    return (
      toDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ??
      fail('date.notCalendar', quote(field, text))
    );

  const month = ISO_MONTH.exec(text);
  if (month)
    return (
      toPeriod(Number(month[1]), Number(month[2]), 'month') ??
      fail('date.notCalendar', quote(field, text))
    );
  const year = ISO_YEAR.exec(text);
  if (year)
    return toPeriod(Number(year[1]), 1, 'year') ?? fail('date.notCalendar', quote(field, text));

  // The fraction is the time of day, which does not change the day.
  const serial = reading.excelSerial ? EXCEL_SERIAL.exec(text) : null;
  if (serial) {
    const dayNumber = Number(serial[1]) - EXCEL_EPOCH_OFFSET;
    return { ok: true, day: formatDayNumber(dayNumber), dayNumber };
  }

  if (reading.writtenOut) {
    const yearFirst = YEAR_FIRST.exec(text);
    if (yearFirst) {
      return (
        toDay(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])) ??
        fail('date.notCalendar', quote(field, text))
      );
    }
    const written = parseWrittenOut(text, quote(field, text));
    if (written) return written;
  }

  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) return parseNumericDate(numeric, quote(field, text), reading.dayOrder);

  // The forms accepted besides ISO 8601, in the order the words name them.
  const forms =
    (reading.localDateTime ? 'Local' : '') +
    (reading.writtenOut ? 'Written' : '') +
    (reading.excelSerial ? 'Serial' : '');
  return fail(`date.notForm.iso${forms}` as RejectionKey, quote(field, text));
}

/**
 * Reads a date with an English month name, and an optional weekday that must agree with it;
 * null when the text has none of these shapes.
 */
function parseWrittenOut(text: string, quoted: Quoted): DateResult | null {
  const prefix = WEEKDAY_PREFIX.exec(text);
  const weekday = prefix ? WEEKDAY_NUMBERS.get(prefix[1]!.toLowerCase()) : undefined;
  const body = weekday === undefined ? text : prefix![2]!;
  const monthName = (name: string) => MONTH_NUMBERS.get(name.toLowerCase());

  const monthFirst = MONTH_FIRST.exec(body);
  const dayFirst = monthFirst ? null : (DAY_FIRST.exec(body) ?? DAY_FIRST_HYPHENATED.exec(body));
  if (!monthFirst && !dayFirst) {
    // A weekday makes no sense before a whole month.
    const monthOnly = weekday === undefined ? MONTH_ONLY.exec(body) : null;
    if (!monthOnly) return null;
    const month = monthName(monthOnly[1]!);
    if (month === undefined) return fail('date.noMonth', quoted);
    return toPeriod(Number(monthOnly[2]), month, 'month') ?? fail('date.notCalendar', quoted);
  }

  const [day, name, year] = monthFirst
    ? [monthFirst[2]!, monthFirst[1]!, monthFirst[3]!]
    : [dayFirst![1]!, dayFirst![2]!, dayFirst![3]!];
  const month = monthName(name);
  if (month === undefined) return fail('date.noMonth', quoted);
  if (year.length !== 4) {
    return fail('date.twoDigitYear', quoted);
  }
  const found = toDay(Number(year), month, Number(day));
  if (!found) return fail('date.notCalendar', quoted);
  if (weekday !== undefined) {
    // 1970-01-01, day number 0, was a Thursday.
    const actual = (((found.dayNumber + 4) % 7) + 7) % 7;
    if (actual !== weekday) {
      return fail('date.wrongWeekday', {
        ...quoted,
        day: found.day,
        actual: weekdayMessage(actual),
        written: weekdayMessage(weekday),
      });
    }
  }
  return found;
}

function parseNumericDate(
  [, first, , second, year]: RegExpExecArray,
  quoted: Quoted,
  dayOrder: DayOrder | undefined,
): DateResult {
  if (dayOrder === undefined) {
    return { ...fail('date.ambiguousOrder', quoted), ambiguousOrder: true };
  }
  if (year!.length !== 4) {
    return fail('date.twoDigitYear', quoted);
  }
  const [day, month] = dayOrder === 'dmy' ? [first, second] : [second, first];
  return (
    toDay(Number(year), Number(month), Number(day)) ??
    fail(dayOrder === 'dmy' ? 'date.notCalendarDmy' : 'date.notCalendarMdy', quoted)
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

/** The field and the text as written, that a date's reasons name. */
type Quoted = { field: string; text: string };

/** A date that could not be read, and why (rejection-words.ts). */
function fail(key: RejectionKey, values: MessageValues): DateResult & { ok: false } {
  return { ok: false, ...rejectionReason(key, values) };
}

/** The field and the text a reason names, the text clipped. */
function quote(field: string, text: string): Quoted {
  return { field, text: clip(text) };
}

/** A value quoted in a message: its first 60 characters (display-text.ts's clip). */
function clip(text: string, max = 60): string {
  return clipText(text, max);
}
