import { afterEach, describe, expect, it } from 'vitest';
import { chooseCalendar } from './calendar';
import { formatDay, formatNumber } from './format';

afterEach(() => chooseCalendar('gregory'));

describe('formatNumber', () => {
  it('groups digits in English and writes Persian digits in Dari', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'fa-AF')).toBe('۱۲٬۳۴۵');
  });
});

describe('formatDay', () => {
  it('shows the calendar day written, whatever the time zone', () => {
    expect(formatDay('2025-10-12', 'en')).toBe('12 Oct 2025');
  });

  it('shows Solar Hijri days in Dari when that calendar is chosen', () => {
    chooseCalendar('persian');
    // 12 October 2025 is 20 Mizan 1404 in the Afghan Solar Hijri calendar.
    expect(formatDay('2025-10-12', 'fa-AF')).toContain('۱۴۰۴');
    expect(formatDay('2025-10-12', 'fa-AF', 'long')).toContain('۲۰');
  });

  it('keeps Gregorian days in English even when Solar Hijri is chosen', () => {
    chooseCalendar('persian');
    expect(formatDay('2025-10-12', 'en')).toBe('12 Oct 2025');
  });

  it('gives back a value that is not a day as it is', () => {
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });
});
