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
    expect(parseIncidentDate('2025-02-30')).toEqual({
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
    expect(parseIncidentDate(undefined)).toEqual({ ok: false, error: 'date is missing' });
    expect(parseIncidentDate('')).toEqual({ ok: false, error: 'date is missing' });
    expect(parseIncidentDate(20251012)).toEqual({
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
    expect(parseIncidentDate('31 April 2025', { writtenOut: true })).toEqual({
      ok: false,
      error: 'date "31 April 2025" is not a calendar date',
    });
    expect(parseIncidentDate('12 Oct 2025', { writtenOut: true })).toEqual({
      ok: false,
      error: 'date "12 Oct 2025" does not name a month in English',
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
    expect(parseIncidentDate('', { field: 'event_date' })).toEqual({
      ok: false,
      error: 'event_date is missing',
    });
    expect(parseIncidentDate('2025-02-30', { field: 'date_start' })).toMatchObject({
      error: 'date_start "2025-02-30" is not a calendar date',
    });
  });

  it('lists the forms it accepts when a value fits none', () => {
    expect(parseIncidentDate('last Tuesday', { writtenOut: true, localDateTime: true })).toEqual({
      ok: false,
      error:
        'date "last Tuesday" is not ISO 8601 YYYY-MM-DD or a datetime with offset, ' +
        'YYYY-MM-DD HH:MM:SS, "12 October 2025"',
    });
  });
});

describe('Numeric dates and the declared day order', () => {
  it('rejects 03/04/2025 without a declared order, flagged as ambiguous', () => {
    expect(parseIncidentDate('03/04/2025')).toEqual({
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
    expect(parseIncidentDate('25/10/2025', { dayOrder: 'mdy' })).toEqual({
      ok: false,
      error: 'date "25/10/2025" is not a calendar date in month/day/year order',
    });
    expect(parseIncidentDate('31/02/2025', { dayOrder: 'dmy' })).toMatchObject({ ok: false });
  });

  it('rejects a two-digit year even with a declared order', () => {
    expect(parseIncidentDate('03/04/25', { dayOrder: 'dmy' })).toEqual({
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
