/**
 * The problems of a file's rejected rows, in the reader's language: "404 rows: date not
 * understood; 1 row: a totals row, not an incident". The importer names each problem in English
 * (domain/import/rejection-problems.ts); the known ones are worded here, and a problem it could
 * not name (the row's own reason) stays as the importer wrote it.
 */
import { currentLanguage, t } from '../../i18n/i18n';
import { readerNumber } from '../incident-list/reader-day';

/** Each problem the importer names → its words in the catalogue (`import:problem.*`). */
export const PROBLEM_KEYS = {
  'a totals row, not an incident': 'totalsRow',
  'nested too deep': 'tooDeep',
  'not a GeoJSON Feature': 'notFeature',
  'row not readable as CSV': 'notCsv',
  'not valid JSON': 'notJson',
  'id not a string or number': 'badId',
  'no properties': 'noProperties',
  'a number that is not finite': 'notFinite',
  'position not understood': 'position',
  'date missing': 'dateMissing',
  'date not understood': 'dateNotUnderstood',
  'type missing': 'typeMissing',
  'type not understood': 'typeNotUnderstood',
} as const;

/** A problem in the page's language, or as the importer wrote it when it is a row's own reason. */
export function wordProblem(problem: string): string {
  return Object.hasOwn(PROBLEM_KEYS, problem)
    ? t(`import:problem.${PROBLEM_KEYS[problem as keyof typeof PROBLEM_KEYS]}`)
    : problem;
}

/** Whether a file's items are rows of a table (CSV, XLSX) or features of anything else. */
export function isTable(format: string): boolean {
  return format === 'csv' || format === 'xlsx';
}

/** The most frequent problems (three, then a count of the rest), as one phrase. */
export function describeProblems(
  problems: ReadonlyArray<{ problem: string; count: number }>,
  format: string,
  shown = 3,
): string {
  const items = isTable(format) ? 'rows' : 'features';
  const others = isTable(format) ? 'otherRows' : 'otherFeatures';
  const n = (count: number) => readerNumber(count, currentLanguage());
  const parts = problems
    .slice(0, shown)
    .map(({ problem, count }) =>
      t(`import:problemCount.${items}`, { count, n: n(count), problem: wordProblem(problem) }),
    );
  const rest = problems.slice(shown).reduce((sum, { count }) => sum + count, 0);
  if (rest > 0) parts.push(t(`import:problemCount.${others}`, { count: rest, n: n(rest) }));
  return parts.join('; ');
}
