import { describe, expect, it } from 'vitest';
import { guessDateColumn } from './date-column';

/** Rows from columns of values: `table({ a: ['1', '2'] })` is `[{ a: '1' }, { a: '2' }]`. */
function table(columns: Record<string, unknown[]>): Array<Record<string, unknown>> {
  const length = Math.max(...Object.values(columns).map((values) => values.length));
  return Array.from({ length }, (_, i) =>
    Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values[i]])),
  );
}

function guess(columns: Record<string, unknown[]>, excelSerial = false): string | undefined {
  return guessDateColumn(Object.keys(columns), table(columns), { excelSerial });
}

describe('guessDateColumn', () => {
  it('finds the column of ISO dates whatever its name', () => {
    expect(
      guess({
        place: ['Torkham', 'Chaman', 'Angoor Adda'],
        reported: ['2025-10-12', '2025-10-13', '2025-10-15'],
        fatalities: ['3', '0', '12'],
      }),
    ).toBe('reported');
  });

  it('finds dates written with month names or as local datetimes', () => {
    expect(guess({ notes: ['a', 'b'], on: ['Friday, June 18, 2004', '18-Jun-2004'] })).toBe('on');
    expect(guess({ notes: ['a', 'b'], start: ['1990-10-04 00:00:00.000', '1990-10-05'] })).toBe(
      'start',
    );
  });

  it('counts numeric dates of ambiguous order as dates', () => {
    expect(guess({ kind: ['ied', 'raid'], d: ['03/04/2025', '25/10/2025'] })).toBe('d');
  });

  it('accepts a column with some unreadable cells when most are dates', () => {
    expect(guess({ when: ['2025-10-12', '2025-10-13', 'unknown'] })).toBe('when');
  });

  it('refuses a column where fewer than 60% of the filled cells are dates', () => {
    expect(guess({ mixed: ['2025-10-12', 'unknown', 'later'] })).toBeUndefined();
  });

  it('ignores blank cells when counting', () => {
    expect(guess({ when: ['', '2025-10-12', null, '  ', '2025-10-13'] })).toBe('when');
  });

  it('returns undefined when no column holds dates or the sample is empty', () => {
    expect(guess({ fatalities: ['3', '0', '12'], type: ['ied', 'raid', 'ied'] })).toBeUndefined();
    expect(guessDateColumn(['date'], [])).toBeUndefined();
  });

  it('prefers a column named like a date when shares tie', () => {
    expect(
      guess({ created: ['2025-01-01', '2025-01-02'], event_date: ['2025-10-12', '2025-10-13'] }),
    ).toBe('event_date');
  });

  it('prefers the column with the larger share of dates over a date-like name', () => {
    expect(
      guess({
        date_note: ['2025-10-12', '2025-10-13', 'n/a'],
        reported: ['2025-10-12', '2025-10-13', '2025-10-14'],
      }),
    ).toBe('reported');
  });

  it('prefers a column of days over a column of bare years', () => {
    expect(
      guess({
        year: ['2025', '2025', '2025'],
        reported: ['12 October 2025', '13 October 2025', '15 October 2025'],
      }),
    ).toBe('reported');
  });

  it('chooses a column of bare years only when nothing better holds dates', () => {
    expect(guess({ fatalities: ['3', '0', '12'], year: ['2004', '2005', '2004'] })).toBe('year');
  });

  it('never takes counts such as fatalities for dates', () => {
    expect(guess({ fatalities: ['3', '15', '120'] })).toBeUndefined();
  });

  it('does not count JSON numbers as dates outside spreadsheets', () => {
    expect(guess({ year: [2004, 2005] })).toBeUndefined();
  });

  it('reads Excel serial days in a spreadsheet, but below a column of real dates', () => {
    expect(guess({ type: ['ied', 'raid'], serial: ['45942', 45943.5] }, true)).toBe('serial');
    expect(guess({ id: ['10234', '10235'], date: ['2025-10-12', '2025-10-13'] }, true)).toBe(
      'date',
    );
  });
});
