import { describe, expect, it } from 'vitest';
import { findDuplicateIds } from '../parse-incidents';
import { loadIncidents, makeFeature } from '../test-factories';
import { crsWarning } from './read-geojson';
import { wordWarning } from './warning-words';

describe('A warning about particular features', () => {
  it('names the first ten positions of a duplicate id and counts the rest, in its English too', () => {
    const [warning] = findDuplicateIds(
      loadIncidents(Array.from({ length: 1012 }, () => makeFeature({ id: 'same' }))),
    );
    expect(warning?.message).toBe(
      'id "same" is used by 1012 features (#0, #1, #2, #3, #4, #5, #6, #7, #8, #9 and 1,002 more); all are kept',
    );
    expect(wordWarning(warning!.sent!)).toBe(warning!.message);
  });

  it.each([
    ['WGS84', { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }],
    ['another system', { type: 'name', properties: { name: 'EPSG:3857' } }],
  ])('of a coordinate system (%s) words to its English', (_, crs) => {
    const warning = crsWarning(crs);
    expect(warning.sent).toBeDefined();
    expect(wordWarning(warning.sent!)).toBe(warning.message);
  });
});
