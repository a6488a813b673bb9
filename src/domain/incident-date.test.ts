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
