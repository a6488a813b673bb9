import { describe, expect, it } from 'vitest';
import { formatDayNumber, parseDay, parseIncidentDate } from './incident-date';

describe('parseIncidentDate', () => {
  it('accepts a plain ISO date', () => {
    expect(parseIncidentDate('2025-10-12')).toEqual({
      ok: true,
      day: '2025-10-12',
      dayNumber: 20373,
    });
  });

  it('keeps the written day of a datetime whose UTC date is the day before', () => {
    // 01:00 in Pakistan is 20:00 UTC on 11 October; the incident still happened on the 12th.
    const result = parseIncidentDate('2025-10-12T01:00:00+05:00');
    expect(result).toMatchObject({ ok: true, day: '2025-10-12' });
  });

  it('keeps the written day of a datetime whose UTC date is the day after', () => {
    expect(parseIncidentDate('2025-10-12T23:30:00-04:00')).toMatchObject({
      ok: true,
      day: '2025-10-12',
    });
  });

  it('accepts Z, fractional seconds and half-hour offsets', () => {
    expect(parseIncidentDate('2025-10-15T12:30:00Z')).toMatchObject({
      ok: true,
      day: '2025-10-15',
    });
    expect(parseIncidentDate('2025-10-15T17:30:00.250+04:30')).toMatchObject({ ok: true });
    expect(parseIncidentDate('2025-10-15T17:30+0430')).toMatchObject({ ok: true });
  });

  it('rejects a datetime without an offset', () => {
    expect(parseIncidentDate('2025-10-12T03:00:00')).toMatchObject({ ok: false });
  });

  it('rejects an impossible calendar date', () => {
    expect(parseIncidentDate('2025-02-30')).toMatchObject({
      ok: false,
      error: 'date "2025-02-30" is not a calendar date',
    });
    expect(parseIncidentDate('2025-13-01')).toMatchObject({ ok: false });
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseIncidentDate('2024-02-29')).toMatchObject({ ok: true });
    expect(parseIncidentDate('2025-02-29')).toMatchObject({ ok: false });
  });

  it('rejects a day/month date and says the order is ambiguous', () => {
    const result = parseIncidentDate('12/10/2025');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('ambiguous');
  });

  it('rejects a missing, empty or non-string date', () => {
    expect(parseIncidentDate(undefined)).toMatchObject({ ok: false, error: 'date is missing' });
    expect(parseIncidentDate('')).toMatchObject({ ok: false, error: 'date is missing' });
    expect(parseIncidentDate(20251012)).toMatchObject({
      ok: false,
      error: 'date 20251012 is not a string',
    });
  });
});

describe('parseIncidentDate with other forms', () => {
  it('reads a written-out date only when the reader accepts it', () => {
    expect(parseIncidentDate('12 October 2025', { writtenOut: true })).toEqual({
      ok: true,
      day: '2025-10-12',
      dayNumber: 20373,
    });
    expect(parseIncidentDate('3 march 2025', { writtenOut: true })).toMatchObject({
      day: '2025-03-03',
    });
    expect(parseIncidentDate('12 October 2025')).toMatchObject({ ok: false });
  });

  it('rejects a written-out date with an impossible day or an unknown month', () => {
    expect(parseIncidentDate('31 April 2025', { writtenOut: true })).toMatchObject({
      ok: false,
      error: 'date "31 April 2025" is not a calendar date',
    });
    expect(parseIncidentDate('12 Okt 2025', { writtenOut: true })).toMatchObject({
      ok: false,
      error: 'date "12 Okt 2025" does not name a month in English',
    });
  });

  it('reads a datetime without offset as its written day when the reader accepts it', () => {
    expect(parseIncidentDate('1990-10-04 00:00:00.000', { localDateTime: true })).toMatchObject({
      ok: true,
      day: '1990-10-04',
    });
    expect(parseIncidentDate('2025-10-12T23:59', { localDateTime: true })).toMatchObject({
      day: '2025-10-12',
    });
    expect(parseIncidentDate('1990-10-04 00:00:00.000')).toMatchObject({ ok: false });
  });

  it('names the field it read in its messages', () => {
    expect(parseIncidentDate('', { field: 'event_date' })).toMatchObject({
      ok: false,
      error: 'event_date is missing',
    });
    expect(parseIncidentDate('2025-02-30', { field: 'date_start' })).toMatchObject({
      error: 'date_start "2025-02-30" is not a calendar date',
    });
  });

  it('lists the forms it accepts when a value fits none', () => {
    expect(
      parseIncidentDate('last Tuesday', { writtenOut: true, localDateTime: true }),
    ).toMatchObject({
      ok: false,
      error:
        'date "last Tuesday" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset), ' +
        'YYYY-MM-DD HH:MM:SS, "12 October 2025", "June 18, 2004" or YYYY/MM/DD',
    });
  });

  it('lists only the ISO 8601 forms for a reader that accepts nothing else', () => {
    expect(parseIncidentDate('soon')).toMatchObject({
      ok: false,
      error: 'date "soon" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset)',
    });
  });
});

describe('Dates with English month names', () => {
  const writtenOut = { writtenOut: true };
  const dayOf = (value: string) => {
    const result = parseIncidentDate(value, writtenOut);
    return result.ok ? result.day : result.error;
  };

  it('reads the month first or the day first, with or without commas', () => {
    for (const value of [
      'June 18, 2004',
      'June 18 2004',
      'Jun 18 2004',
      '18 Jun 2004',
      '18 June 2004',
      '18 June, 2004',
      '18-Jun-2004',
    ]) {
      expect(dayOf(value), value).toBe('2004-06-18');
    }
  });

  it('reads a leading weekday, full or abbreviated', () => {
    expect(dayOf('Friday, June 18, 2004')).toBe('2004-06-18');
    expect(dayOf('Fri, June 18, 2004')).toBe('2004-06-18');
    expect(dayOf('Fri 18 Jun 2004')).toBe('2004-06-18');
  });

  it('rejects a weekday that contradicts the date and names both', () => {
    expect(parseIncidentDate('Monday, June 18, 2004', writtenOut)).toMatchObject({
      ok: false,
      error: 'date "Monday, June 18, 2004": 2004-06-18 is a Friday, not a Monday',
    });
  });

  it('checks the weekday of dates before 1970 too', () => {
    expect(dayOf('Sunday, 20 July 1969')).toBe('1969-07-20');
    expect(dayOf('Monday, 20 July 1969')).toContain('is a Sunday, not a Monday');
  });

  it('reads month names in any case, abbreviated, and Sept', () => {
    expect(dayOf('JUNE 18, 2004')).toBe('2004-06-18');
    expect(dayOf('18 jun 2004')).toBe('2004-06-18');
    expect(dayOf('3 Sept 2004')).toBe('2004-09-03');
    expect(dayOf('3 Sep. 2004')).toBe('2004-09-03');
  });

  it('reads ordinal suffixes on the day', () => {
    expect(dayOf('June 18th, 2004')).toBe('2004-06-18');
    expect(dayOf('1st March 2004')).toBe('2004-03-01');
    expect(dayOf('22nd of May 2004')).toBe('2004-05-22');
  });

  it('rejects a two-digit year with the reason', () => {
    expect(parseIncidentDate('18-Jun-04', writtenOut)).toMatchObject({
      ok: false,
      error: 'date "18-Jun-04" has a two-digit year; write the year in full',
    });
    expect(dayOf('June 18, 04')).toContain('two-digit year');
  });

  it('rejects a day the month does not have', () => {
    expect(dayOf('February 30, 2004')).toBe('date "February 30, 2004" is not a calendar date');
  });

  it('reads a month and a year as the first of the month, with month precision', () => {
    expect(parseIncidentDate('June 2004', writtenOut)).toEqual({
      ok: true,
      day: '2004-06-01',
      dayNumber: 12570,
      precision: 'month',
    });
    expect(parseIncidentDate('Jun 2004', writtenOut)).toMatchObject({ precision: 'month' });
  });

  it('reads none of these forms without writtenOut', () => {
    expect(parseIncidentDate('June 18, 2004')).toMatchObject({ ok: false });
    expect(parseIncidentDate('June 2004')).toMatchObject({ ok: false });
  });
});

describe('Year-first dates', () => {
  it('reads YYYY/MM/DD and YYYY.MM.DD with writtenOut', () => {
    expect(parseIncidentDate('2004/06/18', { writtenOut: true })).toEqual({
      ok: true,
      day: '2004-06-18',
      dayNumber: 12587,
    });
    expect(parseIncidentDate('2004.6.18', { writtenOut: true })).toMatchObject({
      day: '2004-06-18',
    });
  });

  it('rejects an impossible year-first date', () => {
    expect(parseIncidentDate('2004/02/30', { writtenOut: true })).toMatchObject({
      ok: false,
      error: 'date "2004/02/30" is not a calendar date',
    });
  });

  it('does not mix separators', () => {
    expect(parseIncidentDate('2004/06.18', { writtenOut: true })).toMatchObject({ ok: false });
  });
});

describe('Reduced precision', () => {
  it('reads YYYY-MM as the first of the month, with month precision', () => {
    expect(parseIncidentDate('2004-06')).toEqual({
      ok: true,
      day: '2004-06-01',
      dayNumber: 12570,
      precision: 'month',
    });
  });

  it('reads YYYY as the first of January, with year precision', () => {
    expect(parseIncidentDate('2004')).toEqual({
      ok: true,
      day: '2004-01-01',
      dayNumber: 12418,
      precision: 'year',
    });
  });

  it('rejects a month that does not exist', () => {
    expect(parseIncidentDate('2004-13')).toMatchObject({
      ok: false,
      error: 'date "2004-13" is not a calendar date',
    });
  });

  it('gives no precision to a whole day', () => {
    expect(parseIncidentDate('2004-06-18')).not.toHaveProperty('precision');
  });
});

describe('Excel serial day numbers', () => {
  const excel = { excelSerial: true };

  it('reads a 5-digit serial as days since 1899-12-30', () => {
    expect(parseIncidentDate('45942', excel)).toEqual({
      ok: true,
      day: '2025-10-12',
      dayNumber: 20373,
    });
  });

  it('ignores the fraction, which is the time of day', () => {
    expect(parseIncidentDate('45942.99', excel)).toMatchObject({ day: '2025-10-12' });
  });

  it('reads a serial given as a number', () => {
    expect(parseIncidentDate(45942.25, excel)).toMatchObject({ day: '2025-10-12' });
  });

  it('keeps a 4-digit number a year', () => {
    expect(parseIncidentDate(2004, excel)).toMatchObject({ day: '2004-01-01', precision: 'year' });
    expect(parseIncidentDate('2004', excel)).toMatchObject({ precision: 'year' });
  });

  it('reads no serial without excelSerial', () => {
    expect(parseIncidentDate('45942')).toMatchObject({ ok: false });
    expect(parseIncidentDate(45942)).toMatchObject({
      ok: false,
      error: 'date 45942 is not a string',
    });
  });

  it('names the serial form in the list of forms', () => {
    expect(parseIncidentDate('soon', excel)).toMatchObject({
      error: expect.stringMatching(/ or an Excel day number$/),
    });
  });
});

describe('Numeric dates and the declared day order', () => {
  it('rejects 03/04/2025 without a declared order, flagged as ambiguous', () => {
    expect(parseIncidentDate('03/04/2025')).toMatchObject({
      ok: false,
      ambiguousOrder: true,
      error:
        'date "03/04/2025" is not ISO 8601 YYYY-MM-DD: its day/month order is ambiguous; ' +
        'declare day/month/year or month/day/year for the whole file, or write YYYY-MM-DD',
    });
  });

  it('never guesses the order, even when one number is above 12', () => {
    expect(parseIncidentDate('25/10/2025')).toMatchObject({ ok: false, ambiguousOrder: true });
  });

  it('reads day/month/year and month/day/year when declared', () => {
    expect(parseIncidentDate('03/04/2025', { dayOrder: 'dmy' })).toMatchObject({
      day: '2025-04-03',
    });
    expect(parseIncidentDate('03/04/2025', { dayOrder: 'mdy' })).toMatchObject({
      day: '2025-03-04',
    });
    expect(parseIncidentDate('3.4.2025', { dayOrder: 'dmy' })).toMatchObject({ day: '2025-04-03' });
    expect(parseIncidentDate('3-4-2025', { dayOrder: 'dmy' })).toMatchObject({ day: '2025-04-03' });
  });

  it('rejects a date impossible in the declared order', () => {
    expect(parseIncidentDate('25/10/2025', { dayOrder: 'mdy' })).toMatchObject({
      ok: false,
      error: 'date "25/10/2025" is not a calendar date in month/day/year order',
    });
    expect(parseIncidentDate('31/02/2025', { dayOrder: 'dmy' })).toMatchObject({ ok: false });
  });

  it('rejects a two-digit year even with a declared order', () => {
    expect(parseIncidentDate('03/04/25', { dayOrder: 'dmy' })).toMatchObject({
      ok: false,
      error: 'date "03/04/25" has a two-digit year; write the year in full',
    });
  });

  it('does not mix separators', () => {
    expect(parseIncidentDate('03/04-2025', { dayOrder: 'dmy' })).toMatchObject({ ok: false });
  });
});

describe('parseDay', () => {
  it('round-trips through day numbers', () => {
    const parsed = parseDay('2025-11-29');
    expect(parsed).not.toBeNull();
    expect(formatDayNumber(parsed!.dayNumber)).toBe('2025-11-29');
  });

  it('refuses datetimes and impossible days', () => {
    expect(parseDay('2025-11-29T00:00:00Z')).toBeNull();
    expect(parseDay('2025-04-31')).toBeNull();
  });
});
