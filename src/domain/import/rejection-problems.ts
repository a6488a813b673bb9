/**
 * The problem behind each rejection, in a few words, so a report can group thousands of them:
 * "404 rows: date not understood" says more than the first of 404 near-identical reasons.
 */
import type { RejectedFeature } from '../incident';
import type { FieldReader } from '../parse-incidents';

/** Problems named by the start or wording of a reason that no field reader gave. */
export const PROBLEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^a totals row/, 'a totals row, not an incident'],
  [/nests deeper than/, 'nested too deep'],
  [/^not a GeoJSON Feature/, 'not a GeoJSON Feature'],
  [/^the row cannot be read as CSV|fields but the header has/, 'row not readable as CSV'],
  [/not valid JSON|is not JSON/, 'not valid JSON'],
  [/^id /, 'id not a string or number'],
  [/^properties must be/, 'no properties'],
  [/is not a finite number/, 'a number that is not finite'],
  [
    /geometry|coordinates|^longitude|^latitude|is blank but|is not a decimal number/,
    'position not understood',
  ],
];

/** A field reader's error for an absent or empty value. */
const MISSING = / is missing$|"" is not a non-empty string$/;

/**
 * Wraps a field reader so that the date or type error it last gave can be recognised in a
 * rejection's reason; `problemOf` then names the problem of any reason.
 */
export function trackProblems(reader: FieldReader) {
  let last: { error: string; problem: string } | null = null;
  const note = (field: 'date' | 'type', error: string) => {
    last = {
      error,
      problem: MISSING.test(error) ? `${field} missing` : `${field} not understood`,
    };
  };
  const fields: FieldReader = {
    ...reader,
    date(properties) {
      const result = reader.date(properties);
      if (!result.ok) note('date', result.error);
      return result;
    },
    type(properties) {
      const result = reader.type(properties);
      if (!result.ok) note('type', result.error);
      return result;
    },
  };
  const problemOf = (reason: string): string => {
    const field = last as { error: string; problem: string } | null;
    if (field && field.error === reason) return field.problem;
    return PROBLEMS.find(([pattern]) => pattern.test(reason))?.[1] ?? reason;
  };
  return { fields, problemOf };
}

/** Gives every rejection its problem, in place. */
export function nameProblems(
  rejected: RejectedFeature[],
  problemOf: (reason: string) => string,
): void {
  for (const rejection of rejected) rejection.problem ??= problemOf(rejection.reason);
}

/** The problems of a set of rejections, the most frequent first. */
export function countProblems(
  rejected: ReadonlyArray<Pick<RejectedFeature, 'reason' | 'problem'>>,
): Array<{ problem: string; count: number }> {
  const counts = new Map<string, number>();
  for (const { reason, problem } of rejected) {
    const key = problem ?? reason;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([problem, count]) => ({ problem, count }))
    .sort((a, b) => b.count - a.count);
}

/** What a file's items are called: rows of a table (CSV, XLSX), features of anything else. */
export function itemNoun(format: string, count: number): string {
  const noun = format === 'csv' || format === 'xlsx' ? 'row' : 'feature';
  return count === 1 ? noun : `${noun}s`;
}

/** `404 rows: date not understood; 1 row: a totals row, not an incident`. */
export function describeProblems(
  problems: ReadonlyArray<{ problem: string; count: number }>,
  format: string,
  shown = 3,
): string {
  const parts = problems
    .slice(0, shown)
    .map(({ problem, count }) => `${count} ${itemNoun(format, count)}: ${problem}`);
  const rest = problems.slice(shown).reduce((sum, { count }) => sum + count, 0);
  if (rest > 0) parts.push(`${rest} ${itemNoun(format, rest)} for other reasons`);
  return parts.join('; ');
}
