import { VALUE_CATALOGUE } from './value-words';
import { describe, expect, it } from 'vitest';
import type { DateReading } from './incident-date';
import { parseIncidentDate } from './incident-date';
import { readCode, slugResult } from './layouts/layout-adapter';
import { wordMessage } from './message';
import { parseIncidentCollection, readTypeCode } from './parse-incidents';
import { REJECTION_NAMESPACE, REJECTION_WORDS } from './rejection-words';
import { makeCollection, makeFeature } from './test-factories';

const CATALOGUE = { [REJECTION_NAMESPACE]: REJECTION_WORDS, ...VALUE_CATALOGUE };

/** A feature nested `depth` objects deep in its properties. */
function deepFeature(depth: number) {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { inner: value };
  return makeFeature({ deep: value });
}

const REJECTED_FEATURES: Record<string, unknown> = {
  'not an object': 'text',
  'not a Feature': { type: 'Point' },
  'an id that is an object': makeFeature({}, { id: { a: 1 } }),
  'no geometry': makeFeature({}, { geometry: undefined }),
  'a geometry that is text': makeFeature({}, { geometry: 'here' }),
  'a polygon': makeFeature({}, { geometry: { type: 'Polygon', coordinates: [] } }),
  'no coordinates': makeFeature({}, { geometry: { type: 'Point' } }),
  'one coordinate': makeFeature({}, { geometry: { type: 'Point', coordinates: [1] } }),
  'text coordinates': makeFeature({}, { geometry: { type: 'Point', coordinates: ['a', 2] } }),
  'a longitude out of range': makeFeature(
    {},
    { geometry: { type: 'Point', coordinates: [190, 2] } },
  ),
  'a latitude out of range': makeFeature(
    {},
    { geometry: { type: 'Point', coordinates: [1, -95] } },
  ),
  'an overflowed number': makeFeature({ deaths: Infinity }),
  'properties that are text': makeFeature({}, { properties: 'x' }),
  'no date': makeFeature({ date: undefined }),
  'a date that is a number': makeFeature({ date: 12 }),
  'a date in no known form': makeFeature({ date: 'soon' }),
  'a date not on the calendar': makeFeature({ date: '2025-02-30' }),
  'a numeric date of unknown order': makeFeature({ date: '03/04/2025' }),
  'no type': makeFeature({ type: null }),
  'a type that is blank': makeFeature({ type: ' ' }),
  'nesting too deep': deepFeature(300),
};

const FORMS: Record<string, DateReading> = {
  'ISO 8601 only': {},
  'local datetimes': { localDateTime: true },
  'written-out dates': { writtenOut: true },
  'Excel day numbers': { excelSerial: true },
  'every form': { localDateTime: true, writtenOut: true, excelSerial: true },
  'written-out dates and Excel day numbers': { writtenOut: true, excelSerial: true },
};

const REJECTED_DATES: Array<[string, unknown, DateReading]> = [
  ...Object.entries(FORMS).map(([name, reading]): [string, unknown, DateReading] => [
    `"soon" read with ${name}`,
    'soon',
    { field: 'when', ...reading },
  ]),
  ['a month name that is not one', '18 Smarch 2004', { writtenOut: true }],
  ['a two-digit year written out', 'June 18, 04', { writtenOut: true }],
  ['a day not in the month written out', 'June 31, 2004', { writtenOut: true }],
  ['a month not on the calendar written out', 'Smarch 2004', { writtenOut: true }],
  ['a weekday that does not agree', 'Monday, June 18, 2004', { writtenOut: true }],
  ['a two-digit year in a numeric date', '03/04/25', { dayOrder: 'dmy' }],
  ['a day not in the month, day first', '31/02/2025', { dayOrder: 'dmy' }],
  ['a day not in the month, month first', '02/31/2025', { dayOrder: 'mdy' }],
];

describe('A rejection', () => {
  it.each(Object.entries(REJECTED_FEATURES))(
    'of %s carries a message that words to its English reason',
    (_, feature) => {
      const [rejected] = parseIncidentCollection(makeCollection([feature])).rejected;
      expect(rejected?.message).toBeDefined();
      expect(wordMessage(CATALOGUE, rejected!.message!)).toBe(rejected!.reason);
    },
  );

  it.each(REJECTED_DATES)(
    'of a date with %s carries a message that words to its English error',
    (_, value, reading) => {
      const result = parseIncidentDate(value, reading);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toBeDefined();
      expect(wordMessage(CATALOGUE, result.message!)).toBe(result.error);
    },
  );

  it('names every form a reader accepts, in the order it accepts them', () => {
    const result = parseIncidentDate('soon', FORMS['every form']);
    expect(!result.ok && result.error).toBe(
      'date "soon" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset), ' +
        'YYYY-MM-DD HH:MM:SS, "12 October 2025", "June 18, 2004", YYYY/MM/DD or an Excel day number',
    );
  });

  it.each([
    ['a type code that is a number', readTypeCode({ kind: 3 }, 'kind')],
    ['a type column that is missing', readCode({}, 'kind', (text) => slugResult('kind', text))],
    [
      'a type column that holds an object',
      readCode({ kind: {} }, 'kind', () => ({ ok: true, type: 'x' })),
    ],
    ['a type with no letters or digits', slugResult('kind', '!!!')],
  ])('of %s carries a message that words to its English error', (_, result) => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(wordMessage(CATALOGUE, result.message!)).toBe(result.error);
  });
});
