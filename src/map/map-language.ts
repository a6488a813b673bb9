import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * ISO 3166 numeric code (the `iso_n3` of data/basemap/countries.geojson, from Natural Earth) to
 * alpha-2, the code Intl.DisplayNames names a region by. Only the countries that basemap holds.
 */
const ALPHA2_OF_NUMERIC: Readonly<Record<string, string>> = {
  '004': 'AF',
  '156': 'CN',
  '356': 'IN',
  '364': 'IR',
  '398': 'KZ',
  '417': 'KG',
  '512': 'OM',
  '586': 'PK',
  '762': 'TJ',
  '784': 'AE',
  '795': 'TM',
  '860': 'UZ',
};

/** The codes the country labels can be named by. */
export const LABELLED_COUNTRIES = Object.keys(ALPHA2_OF_NUMERIC);

/** Region names in `locale` if the browser has names in it (not its English default), else null. */
function regionNames(locale: string): Intl.DisplayNames | null {
  try {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    return primary(names.resolvedOptions().locale) === primary(locale) ? names : null;
  } catch {
    return null; // a tag this browser does not know
  }
}

function primary(locale: string): string {
  return locale.toLowerCase().split('-')[0]!;
}

/**
 * The country labels' text in `locale` (the one Intl writes the reader's language with:
 * i18n/intl-locale.ts, which lends Pashto Dari's): each country's name from Intl.DisplayNames
 * (the browser's own CLDR names, so no name list ships with the app), the data's English `name`
 * where the browser has none (and for English, and for areas without a code such as the Siachen
 * Glacier).
 */
export function countryLabelField(locale: string): ExpressionSpecification {
  const english: ExpressionSpecification = ['get', 'name'];
  if (primary(locale) === 'en') return english;
  const names = regionNames(locale);
  if (!names) return english;
  const pairs: string[] = [];
  for (const [numeric, alpha2] of Object.entries(ALPHA2_OF_NUMERIC)) {
    const name = names.of(alpha2);
    if (name) pairs.push(numeric, name);
  }
  if (pairs.length === 0) return english;
  return ['match', ['get', 'iso_n3'], ...pairs, english] as unknown as ExpressionSpecification;
}

/**
 * Letter spacing of the country labels: spaced capitals in Latin script; none in Arabic script,
 * whose letters join and would be torn apart by it.
 */
export function countryLabelSpacing(dir: 'ltr' | 'rtl'): number {
  return dir === 'rtl' ? 0 : 0.2;
}

/** Where the zoom buttons stand: at the page's inline end, across from the legend. */
export function zoomControlCorner(dir: 'ltr' | 'rtl'): 'top-right' | 'top-left' {
  return dir === 'rtl' ? 'top-left' : 'top-right';
}
