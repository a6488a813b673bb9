/**
 * Incident dates. The day of an incident is the calendar date as written (the `YYYY-MM-DD`
 * prefix), never converted between time zones: `2025-10-12T01:00:00+05:00` happened on 12 Oct
 * local time even though it is 11 Oct in UTC.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

const MS_PER_DAY = 86_400_000;

export type DateResult =
  { ok: true; day: string; dayNumber: number } | { ok: false; error: string };

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

/** Parses an incident's `date`: ISO `YYYY-MM-DD`, or an ISO datetime with `Z` or an offset. */
export function parseIncidentDate(value: unknown): DateResult {
  if (value === undefined || value === null || value === '') {
    return { ok: false, error: 'date is missing' };
  }
  if (typeof value !== 'string') {
    return { ok: false, error: `date ${describeValue(value)} is not a string` };
  }
  const match = ISO_DATE.exec(value) ?? ISO_DATETIME.exec(value);
  if (!match) {
    const hint = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(value)
      ? ' (day/month order is ambiguous; write YYYY-MM-DD)'
      : '';
    return {
      ok: false,
      error: `date "${clip(value)}" is not ISO 8601 YYYY-MM-DD or a datetime with offset${hint}`,
    };
  }
  const [, y, m, d] = match;
  const dayNumber = toDayNumber(Number(y), Number(m), Number(d));
  if (dayNumber === null) {
    return { ok: false, error: `date "${clip(value)}" is not a calendar date` };
  }
  return { ok: true, day: `${y}-${m}-${d}`, dayNumber };
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
