import { afterEach, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../domain/import/rejection-problems';
import { showLanguage } from '../../i18n/i18n';
import { describeProblems, PROBLEM_KEYS, wordProblem } from './describe-problems';

afterEach(() => showLanguage('en'));

describe('The problems of rejected rows, in words', () => {
  it('has words for every problem the importer names', () => {
    const named = [
      ...PROBLEMS.map(([, problem]) => problem),
      ...['date', 'type'].flatMap((field) => [`${field} missing`, `${field} not understood`]),
    ];
    expect(named.filter((problem) => !Object.hasOwn(PROBLEM_KEYS, problem))).toEqual([]);
  });

  it('says them in English as the importer does', () => {
    const problems = [
      { problem: 'date not understood', count: 404 },
      { problem: 'a totals row, not an incident', count: 1 },
      { problem: 'no properties', count: 2 },
      { problem: 'type missing', count: 3 },
    ];
    expect(describeProblems(problems, 'csv')).toBe(
      '404 rows: date not understood; 1 row: a totals row, not an incident; 2 rows: no properties; 3 rows for other reasons',
    );
    expect(describeProblems([{ problem: 'not valid JSON', count: 1 }], 'geojson')).toBe(
      '1 feature: not valid JSON',
    );
  });

  it('says them in Urdu, leaving a row’s own reason as it was written', async () => {
    await showLanguage('ur');
    expect(describeProblems([{ problem: 'date missing', count: 2 }], 'csv')).toBe(
      '2 قطاریں: تاریخ موجود نہیں',
    );
    expect(wordProblem('id "x" is used twice')).toBe('id "x" is used twice');
  });
});
