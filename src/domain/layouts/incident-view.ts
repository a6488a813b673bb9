/**
 * The normalised view of an incident: what the filters, the list, the map and the detail panel
 * read, whatever the layout of its file. Each layout adapter gives one reader per part of it,
 * from its own columns (property-readers.ts has the pieces); a layout whose files may use any
 * known layout's names combines those readers part by part, so a part is read only where needed.
 */
import type { Precision } from '../incident-facets';
import type { JsonObject } from '../parse-incidents';

/** The lowest and highest deaths an incident carries; null where no number is given. */
export interface FatalityRange {
  low: number | null;
  high: number | null;
}

/** An incident as every part of the app reads it. Text is '' and lists are [] when unknown. */
export interface IncidentView {
  /** The named place (town, site, described location). */
  place: string;
  /** The admin-2 unit (district). */
  district: string;
  /** The admin-1 unit (province). */
  province: string;
  /** ISO 3166 alpha-2 codes where known (AF, PK), else as written, upper-cased. */
  countries: string[];
  actors: string[];
  /** The outlets the incident cites. */
  sources: string[];
  /** The links to its sources, as written (the panel links only http(s) ones). */
  links: string[];
  fatalities: FatalityRange;
  precision: Precision;
  summary: string;
}

/** One reader per part of the view. */
export type ViewReaders = {
  readonly [K in keyof IncidentView]: (properties: JsonObject) => IncidentView[K];
};

type Part = keyof IncidentView;
type AnyReader = (properties: JsonObject) => IncidentView[Part];

const PARTS: readonly Part[] = [
  'place',
  'district',
  'province',
  'countries',
  'actors',
  'sources',
  'links',
  'fatalities',
  'precision',
  'summary',
];

/** Readers that find nothing: a start for a layout whose own columns give few parts. */
export const BLANK_READERS: ViewReaders = {
  place: () => '',
  district: () => '',
  province: () => '',
  countries: () => [],
  actors: () => [],
  sources: () => [],
  links: () => [],
  fatalities: () => ({ low: null, high: null }),
  precision: () => 'unknown',
  summary: () => '',
};

/** The whole view, every part read. */
export function viewWith(read: ViewReaders): (properties: JsonObject) => IncidentView {
  return (properties) => ({
    place: read.place(properties),
    district: read.district(properties),
    province: read.province(properties),
    countries: read.countries(properties),
    actors: read.actors(properties),
    sources: read.sources(properties),
    links: read.links(properties),
    fatalities: read.fatalities(properties),
    precision: read.precision(properties),
    summary: read.summary(properties),
  });
}

/** The parts that are lists of names. */
const LIST_PARTS: ReadonlySet<Part> = new Set(['countries', 'actors', 'sources', 'links']);

/** Whether a part says nothing. */
function isBlank(part: Part, value: IncidentView[Part]): boolean {
  if (part === 'precision') return value === 'unknown';
  if (typeof value === 'string') return value === '';
  if (Array.isArray(value)) return value.length === 0;
  return value.low === null && value.high === null;
}

/** Readers made part by part from `combine` of each part's readers. */
function byPart(combine: (part: Part) => AnyReader): ViewReaders {
  return Object.fromEntries(PARTS.map((part) => [part, combine(part)])) as unknown as ViewReaders;
}

/**
 * Readers of several layouts' names at once: every list's names from all of them, each other
 * part from the first that gives it.
 */
export function anyOfReaders(readers: readonly ViewReaders[]): ViewReaders {
  return byPart((part) => {
    const each = readers.map((read) => read[part] as AnyReader);
    if (LIST_PARTS.has(part)) {
      return (properties) => [...new Set(each.flatMap((read) => read(properties) as string[]))];
    }
    return (properties) => {
      for (const read of each) {
        const value = read(properties);
        if (!isBlank(part, value)) return value;
      }
      return BLANK_READERS[part](properties);
    };
  });
}

/** `own` readers, each part read by `fallback` where `own` finds nothing. */
export function fillBlankParts(own: ViewReaders, fallback: ViewReaders): ViewReaders {
  return byPart((part) => {
    const first = own[part] as AnyReader;
    const second = fallback[part] as AnyReader;
    return (properties) => {
      const value = first(properties);
      return isBlank(part, value) ? second(properties) : value;
    };
  });
}

/** "7–17", "11", or '' when no figure is given. */
export function formatFatalities({ low, high }: FatalityRange): string {
  if (low === null && high === null) return '';
  if (low === null || high === null || low === high) return String(high ?? low);
  return `${low}–${high}`;
}

/** The highest figure, else the lowest: what the filter and the list order compare. */
export function highestFigure({ low, high }: FatalityRange): number | null {
  return high ?? low;
}
