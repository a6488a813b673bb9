import { describe, expect, it } from 'vitest';
import {
  countryLabelField,
  countryLabelSpacing,
  LABELLED_COUNTRIES,
  zoomControlCorner,
} from './map-language';

/** The name a `match` expression gives a country code, or the fallback. */
function nameFor(field: unknown, numeric: string): unknown {
  if (!Array.isArray(field) || field[0] !== 'match') return field;
  const pairs = field.slice(2, -1) as string[];
  const at = pairs.findIndex((value, i) => i % 2 === 0 && value === numeric);
  return at === -1 ? field.at(-1) : pairs[at + 1];
}

describe('The map labels in the reader’s language', () => {
  it('keeps the data’s English names in English', () => {
    expect(countryLabelField('en-GB')).toEqual(['get', 'name']);
  });

  it('names Afghanistan and Pakistan in Arabic script for Urdu, Pashto and Dari', () => {
    for (const locale of ['ur-PK', 'ps-AF', 'fa-AF']) {
      const field = countryLabelField(locale);
      expect(nameFor(field, '004'), locale).toBe(
        new Intl.DisplayNames([locale], { type: 'region' }).of('AF'),
      );
      expect(nameFor(field, '586'), locale).toMatch(/^[\u0600-\u06FF\s]+$/);
    }
  });

  it('names every country of the basemap, and falls back to the data’s name for the rest', () => {
    const field = countryLabelField('ur-PK') as unknown[];
    expect(LABELLED_COUNTRIES.every((code) => field.includes(code))).toBe(true);
    expect(field.at(-1)).toEqual(['get', 'name']);
  });

  it('spaces Latin capitals but never the joined letters of Arabic script', () => {
    expect(countryLabelSpacing('ltr')).toBeGreaterThan(0);
    expect(countryLabelSpacing('rtl')).toBe(0);
  });

  it('puts the zoom buttons at the page’s inline end', () => {
    expect(zoomControlCorner('ltr')).toBe('top-right');
    expect(zoomControlCorner('rtl')).toBe('top-left');
  });
});
