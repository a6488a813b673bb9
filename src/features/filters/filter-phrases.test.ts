import { afterEach, describe, expect, it } from 'vitest';
import type { FilterWords, UrlFilter } from '../../domain/filters/filter-dimension';
import { describeFilter, EMPTY_URL_FILTER } from '../../domain/filters/filter-table';
import { chooseCalendar } from '../../i18n/calendar';
import { i18next, showLanguage } from '../../i18n/i18n';
import type { LanguageCode } from '../../i18n/languages';
import { countryName, wordFilterPhrases } from './filter-phrases';

const WORDS: FilterWords = {
  dayExtent: { from: '2025-09-01', to: '2025-11-30' },
  typeLabel: (code) => code.toUpperCase(),
  crossingName: (id) => (id === 'torkham' ? 'Torkham' : undefined),
  provinceName: (id) => (id === 'PK-KP' ? 'Khyber Pakhtunkhwa' : undefined),
};

async function words(filter: Partial<UrlFilter>, language: LanguageCode = 'en') {
  await showLanguage(language);
  const t = i18next.getFixedT(language, 'filters');
  return wordFilterPhrases(describeFilter({ ...EMPTY_URL_FILTER, ...filter }, WORDS), t, language);
}

afterEach(async () => {
  chooseCalendar('gregory');
  await showLanguage('en');
});

describe('The filters in words', () => {
  it('are in English as the captions have always written them', async () => {
    expect(await words({})).toEqual(['2025-09-01 to 2025-11-30', 'all types']);
    expect(
      await words({
        types: ['ied'],
        sources: ['Dawn'],
        countries: ['PK', 'TR'],
        side: 'AF',
        borderKm: [50, 100_000],
        chainageKm: [300, 650],
        crossing: { id: 'torkham', km: 25 },
        province: 'PK-KP',
        minFatalities: 1000,
        precisions: ['place', 'district'],
        text: 'kurram',
        tags: ['verify', 'second source'],
      }),
    ).toEqual([
      '2025-09-01 to 2025-11-30',
      'types: IED',
      'countries: Pakistan, Türkiye',
      'citing: Dawn',
      'at least 1000 killed',
      'precision: place, district',
      'text: “kurram”',
      'Afghan side',
      '50 km and more from the line',
      '300–650 km along the line from the Iran tripoint',
      'within 25 km of Torkham',
      'province: Khyber Pakhtunkhwa (PK-KP)',
      'tagged: verify, second source',
    ]);
  });

  it('write one day once, and an open range with no data as start and end', async () => {
    expect(await words({ from: '2025-10-05', to: '2025-10-05' })).toEqual([
      '2025-10-05',
      'all types',
    ]);
    const t = i18next.getFixedT('en', 'filters');
    expect(wordFilterPhrases([{ kind: 'dates', from: null, to: null }], t, 'en')).toEqual([
      'start to end',
    ]);
  });

  it('are in Urdu with the country names of Urdu, codes kept out of sight', async () => {
    const phrases = await words({ countries: ['TR', 'QA'], side: 'PK', types: [] }, 'ur');
    expect(phrases).toContain('ممالک: ترکیہ، قطر');
    expect(phrases).toContain('پاکستانی جانب');
    expect(phrases).toContain('اقسام: کوئی نہیں');
  });

  it('write days in Pashto digits, and in the Solar Hijri calendar when chosen', async () => {
    const [gregorian] = await words({ from: '2025-10-01', to: '2025-10-31' }, 'ps');
    expect(gregorian).toMatch(/۲۰۲۵/);
    chooseCalendar('persian');
    const [hijri] = await words({ from: '2025-10-01', to: '2025-10-31' }, 'ps');
    expect(hijri).toMatch(/۱۴۰۴/);
  });
});

describe('A country name', () => {
  it('comes from Intl in the reader’s language, and a code Intl does not know stays a code', () => {
    expect(countryName('TR', 'en')).toBe('Türkiye');
    expect(countryName('PK', 'fa-AF')).toBe('پاکستان');
    expect(countryName('XX', 'en')).toBe('XX');
    expect(countryName('not a code', 'ur')).toBe('not a code');
  });
});
