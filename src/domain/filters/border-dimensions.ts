/**
 * The border filters of the dimension table: side, distance from the line, stretch of the line,
 * crossing and province. Each holds only incidents that could be measured (located, with the
 * geography loaded).
 */
import type { BorderIndex } from '../border/border-measures';
import { SIDE_AF, SIDE_PK } from '../border/border-measures';
import { distanceKm } from '../border/latitude-scale';
import type {
  FilterDimension,
  KnownValues,
  RowContext,
  RowTest,
  UrlFilter,
} from './filter-dimension';
import { clip, linkProblem, setParam } from './filter-dimension';

/** Beyond any distance on this map: the open end of a `50-` band. */
export const OPEN_KM = 100_000;

/**
 * A number of km written in a link, or null when it is above OPEN_KM: a number of 309 digits
 * is Infinity, and one of 22 would be written back as `1e+21`, which no link reads.
 */
function readKm(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) && value <= OPEN_KM ? value : null;
}

/** Why a km value of a link that reads as a number is refused (`limit` is OPEN_KM). */
const TOO_FAR = 'km must be finite numbers up to {{limit, number}}.';

/** A range of km, or which of its problems it has. */
function readKmRange(value: string): [number, number] | 'notRange' | 'tooFar' {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return 'notRange';
  const from = readKm(match[1]!);
  const to = match[2] === undefined ? OPEN_KM : readKm(match[2]);
  if (from === null || to === null) return 'tooFar';
  return from <= to ? [from, to] : 'notRange';
}

function writeKmRange(range: readonly [number, number] | null): string | null {
  if (range === null) return null;
  return range[1] >= OPEN_KM ? `${range[0]}-` : `${range[0]}-${range[1]}`;
}

/** A border filter's test: only measured rows, then `keep` of the measured row. */
function borderTest(
  rows: RowContext,
  keep: (row: number, measures: NonNullable<RowContext['measures']>) => boolean,
): RowTest {
  const { measures } = rows;
  return (row) =>
    measures !== null && !Number.isNaN(measures.distanceKm[row]!) && keep(row, measures);
}

/** The known-values check of a place of the geography (a crossing, a province), by its id. */
function knownPlace(
  key: 'crossing' | 'province',
  places: (border: BorderIndex) => ReadonlyArray<{ id: string }>,
): KnownValues {
  const idOf = (filter: UrlFilter) =>
    key === 'crossing' ? (filter.crossing?.id ?? null) : filter.province;
  return {
    from: 'geography',
    values: (filter) => {
      const id = idOf(filter);
      return id === null ? [] : [id];
    },
    isKnown: ({ border }) => {
      const ids = new Set(places(border!).map((place) => place.id));
      return (id) => ids.has(id);
    },
    without: (filter, unknown) => {
      const id = idOf(filter);
      return id !== null && unknown.has(id) ? { [key]: null } : {};
    },
  };
}

/** Side, distance, stretch of the line, crossing and province: the border filters. */
function borderDimensions(): FilterDimension[] {
  const kmRange = (
    key: 'borderKm' | 'chainageKm',
    param: string,
    name: string,
    kind: 'distance' | 'stretch',
  ) =>
    ({
      name,
      params: [param],
      empty: { [key]: null },
      isSet: (filter) => filter[key] !== null,
      parse: (params, problems) => {
        const value = params.get(param);
        if (value === null || value === '') return { [key]: null };
        const range = readKmRange(value);
        if (Array.isArray(range)) return { [key]: range };
        problems.push(linkProblem(param, range, { value: clip(value), limit: OPEN_KM }));
        return { [key]: null };
      },
      problems: {
        notRange: `Ignored ${param}={{value}}: expected km from-to, e.g. 0-5 or 50-.`,
        tooFar: `Ignored ${param}={{value}}: ${TOO_FAR}`,
      },
      write: (filter, params) => setParam(params, param, writeKmRange(filter[key])),
      describe: (filter) => (filter[key] ? [{ kind, range: filter[key] }] : []),
      match: {
        by: 'row',
        test: (filter, rows) => {
          const [from, to] = filter[key]!;
          const column = key === 'borderKm' ? 'distanceKm' : 'chainageKm';
          return borderTest(rows, (row, measures) => {
            const value = measures[column][row]!;
            return value >= from && value <= to;
          });
        },
      },
      example: { [key]: key === 'borderKm' ? [0, 5] : [100, OPEN_KM] },
      // A package counts distance bands; it holds no chainage but in its raw points.
      package: key === 'borderKm' ? { attribute: 'kmBand', bands: true } : null,
    }) satisfies FilterDimension;
  return [
    {
      name: 'side',
      params: ['side'],
      empty: { side: null },
      isSet: (filter) => filter.side !== null,
      parse: (params, problems) => {
        const value = params.get('side');
        if (value === null || value === '') return { side: null };
        if (value === 'AF' || value === 'PK') return { side: value };
        problems.push(linkProblem('side', 'notSide', { value: clip(value) }));
        return { side: null };
      },
      problems: { notSide: 'Ignored side={{value}}: use AF or PK.' },
      write: (filter, params) => setParam(params, 'side', filter.side),
      describe: (filter) => (filter.side ? [{ kind: 'side', side: filter.side }] : []),
      match: {
        by: 'row',
        test: (filter, rows) => {
          const side = filter.side === 'AF' ? SIDE_AF : SIDE_PK;
          return borderTest(rows, (row, measures) => measures.side[row] === side);
        },
      },
      example: { side: 'PK' },
      package: { attribute: 'side' },
    },
    kmRange('borderKm', 'distance', 'distance', 'distance'),
    kmRange('chainageKm', 'km', 'stretch of the line', 'stretch'),
    {
      name: 'crossing',
      params: ['crossing'],
      empty: { crossing: null },
      isSet: (filter) => filter.crossing !== null,
      parse: (params, problems) => {
        const value = params.get('crossing');
        if (value === null || value === '') return { crossing: null };
        const match = /^([a-z0-9-]+):(\d+(?:\.\d+)?)$/.exec(value);
        const within = match ? readKm(match[2]!) : null;
        if (match && within !== null) return { crossing: { id: match[1]!, km: within } };
        const problem = match ? 'tooFar' : 'notCrossing';
        problems.push(linkProblem('crossing', problem, { value: clip(value), limit: OPEN_KM }));
        return { crossing: null };
      },
      problems: {
        notCrossing: 'Ignored crossing={{value}}: expected crossing-id:km, e.g. torkham:10.',
        tooFar: `Ignored crossing={{value}}: ${TOO_FAR}`,
        unknown: 'Ignored crossing={{value}}: no such crossing on the map.',
      },
      write: (filter, params) =>
        setParam(
          params,
          'crossing',
          filter.crossing === null ? null : `${filter.crossing.id}:${filter.crossing.km}`,
        ),
      describe: (filter, words) => {
        if (!filter.crossing) return [];
        const { id, km: within } = filter.crossing;
        return [{ kind: 'crossing', id, name: words.crossingName(id), km: within }];
      },
      match: {
        by: 'row',
        test: (filter, rows) => {
          const { id, km: within } = filter.crossing!;
          const crossing = rows.border?.crossings.find((c) => c.id === id);
          // Within km of that crossing: its distance, not just whether it is the nearest one.
          return borderTest(rows, (row) => {
            const incident = rows.incidents[row]!;
            return (
              crossing !== undefined &&
              distanceKm(crossing.lon, crossing.lat, incident.lon!, incident.lat!) <= within
            );
          });
        },
      },
      example: { crossing: { id: 'torkham', km: 10 } },
      package: null,
      known: knownPlace('crossing', (border) => border.crossings),
    },
    {
      name: 'province',
      params: ['province'],
      empty: { province: null },
      isSet: (filter) => filter.province !== null,
      parse: (params) => ({ province: params.get('province') || null }),
      write: (filter, params) => setParam(params, 'province', filter.province),
      describe: (filter, words) => {
        if (!filter.province) return [];
        const id = filter.province;
        return [{ kind: 'province', id, name: words.provinceName(id) }];
      },
      match: {
        by: 'row',
        test: (filter, rows) => {
          const province = rows.border?.provinces.findIndex((p) => p.id === filter.province) ?? -1;
          // A province the geography does not know holds nothing (not the unplaced incidents).
          if (province < 0) return () => false;
          return borderTest(rows, (row, measures) => measures.province[row] === province);
        },
      },
      example: { province: 'PK-KP' },
      package: { attribute: 'province' },
      known: knownPlace('province', (border) => border.provinces),
      problems: {
        unknown:
          'Ignored province={{value}}: no such province on the map (ids such as PK-KP or AF-KNR).',
      },
    },
  ];
}

export const BORDER_DIMENSIONS: readonly FilterDimension[] = borderDimensions();
