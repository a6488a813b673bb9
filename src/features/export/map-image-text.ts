import { canvasText, displayName, MAX_TEXT_CHARS } from '../../domain/display-text';
import { createTypeDescriber } from '../../domain/type-describer';
import { effectiveRange } from '../../domain/filters/filter-dimensions';
import { describeFilter, filterWords } from '../../domain/filters/filter-table';
import { formatNumber } from '../../i18n/format';
import { currentLanguage, i18next } from '../../i18n/i18n';
import type { LanguageCode } from '../../i18n/languages';
import { wordFilterPhrases } from '../filters/filter-phrases';
import type {
  EngineFilter,
  EngineSummary,
  GeographyReply,
  QueryReply,
} from '../../workers/engine-protocol';

/** How many types the picture's legend names; past that, the most frequent, and a count of the rest. */
export const PNG_LEGEND_TYPES = 20;

/** What the exported picture says besides the map itself. */
export interface MapImageText {
  /** "44 of 72 incidents". */
  title: string;
  /** The filters, one phrase each, to be joined or wrapped. */
  filters: string[];
  /**
   * Ticked types with at least one matching incident, in the store's order; the most frequent
   * PNG_LEGEND_TYPES of them when there are more.
   */
  legend: Array<{ label: string; colour: string; count: number }>;
  /** How many ticked types with incidents the legend leaves out. */
  legendMore: number;
  attribution: string;
  /** The language the picture is written in (its words and digits). */
  language: LanguageCode;
}

/** The picture's texts as drawn on its canvas. */
export interface MapImageLines {
  /** The filter phrases, each from `canvasText`. */
  filters: string[];
  /** The legend's lines: a type (label and count) with its colour, or the count of the rest. */
  legend: Array<{ text: string; colour: string | null }>;
}

/**
 * The texts of the picture as the canvas draws them. A canvas has no bidi isolation of its own,
 * so every text from data goes through `canvasText` (clipped, bidi controls out, set apart as an
 * isolate): a type "Killed by" followed by a right-to-left override still reads "Killed by  12",
 * never "21", and an actor cannot turn the phrases after it around.
 */
export function layOutMapImageText(text: MapImageText): MapImageLines {
  const { language } = text;
  const legend: MapImageLines['legend'] = text.legend.map(({ label, colour, count }) => ({
    text: `${canvasText(label)}  ${formatNumber(count, language)}`,
    colour,
  }));
  if (text.legendMore > 0)
    legend.push({
      text: imageWords(language)('image.legendMore', { count: text.legendMore }),
      colour: null,
    });
  return { filters: text.filters.map((phrase) => canvasText(phrase, MAX_TEXT_CHARS)), legend };
}

export const MAP_IMAGE_ATTRIBUTION =
  'MapLibre · Natural Earth (public domain) · GeoNames (CC BY 4.0)';

/** `incidents-<from>-<to>.png`, named like the GeoJSON export. */
export function mapImageFileName(
  filter: EngineFilter,
  dayExtent: EngineSummary['dayExtent'],
): string {
  const { from, to } = effectiveRange(filter, { dayExtent });
  return `incidents-${from}-${to}.png`;
}

/** The picture's own words in `language` (it may be drawn in another than the page's, in tests). */
export function imageWords(language: LanguageCode) {
  return i18next.getFixedT(language, 'export');
}

/** The legend, title and filter description of the picture of the map, in `language`. */
export function describeMapImage(
  filter: EngineFilter,
  summary: EngineSummary,
  result: Pick<QueryReply, 'count' | 'total' | 'typeCounts'>,
  geography: Pick<GeographyReply, 'crossings' | 'provinces'> | null = null,
  language: LanguageCode = currentLanguage(),
): MapImageText {
  const t = imageWords(language);
  const filterT = i18next.getFixedT(language, 'filters');
  // The colours of the map, the legend and the filters: those of the loaded type codes.
  const describeType = createTypeDescriber(summary.typeCodes);
  const tickedTypes = filter.types === null ? null : new Set(filter.types);
  const ticked = (code: string) => tickedTypes === null || tickedTypes.has(code);
  // Every filter of the table names itself: dates and types always, the others when set.
  const filters = wordFilterPhrases(
    describeFilter(
      filter,
      filterWords(summary.dayExtent, (code) => describeType(code).label, geography),
    ),
    filterT,
    language,
  );
  const sources = summary.datasets
    .filter((d) => filter.datasets === null || filter.datasets.includes(d.id))
    .map((d) => displayName(d.name));
  const names = sources.join(filterT('phrase.separator')) || filterT('phrase.none');
  filters.push(t('image.sources', { names }));
  filters.push(t('image.border'));
  const drawn = result.typeCounts.filter(({ code, count }) => count > 0 && ticked(code));
  const named =
    drawn.length > PNG_LEGEND_TYPES
      ? [...drawn].sort((a, b) => b.count - a.count).slice(0, PNG_LEGEND_TYPES)
      : drawn;
  return {
    title: t('image.count', { count: result.count, total: result.total }),
    filters,
    legend: named.map(({ code, count }) => ({ ...describeType(code), count })),
    legendMore: drawn.length - named.length,
    attribution: MAP_IMAGE_ATTRIBUTION,
    language,
  };
}
