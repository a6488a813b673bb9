/**
 * The border filters of the dimension table: side, distance from the line, stretch of the line,
 * crossing and province. Each holds only incidents that could be measured (located, with the
 * geography loaded).
 */
import { SIDE_AF, SIDE_PK } from '../border/border-measures';
import { distanceKm } from '../border/latitude-scale';
import type { FilterDimension, RowContext, RowTest } from './filter-dimension';
import { clip, setParam } from './filter-dimension';

/** Beyond any distance on this map: the open end of a `50-` band. */
export const OPEN_KM = 100_000;

const km = (value: number) => value.toLocaleString('en');
const kmWords = ([from, to]: readonly [number, number]) =>
  to >= OPEN_KM ? `${km(from)} km and more` : `${km(from)}–${km(to)} km`;

function readKmRange(value: string): [number, number] | null {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? OPEN_KM : Number(match[2]);
  return from <= to ? [from, to] : null;
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

/** Side, distance, stretch of the line, crossing and province: the border filters. */
function borderDimensions(): FilterDimension[] {
  const kmRange = (key: 'borderKm' | 'chainageKm', param: string, name: string, words: string) =>
    ({
      name,
      params: [param],
      empty: { [key]: null },
      isSet: (filter) => filter[key] !== null,
      parse: (params, problems) => {
        const value = params.get(param);
        if (value === null || value === '') return { [key]: null };
        const range = readKmRange(value);
        if (range === null)
          problems.push(`Ignored ${param}=${clip(value)}: expected km from-to, e.g. 0-5 or 50-.`);
        return { [key]: range };
      },
      write: (filter, params) => setParam(params, param, writeKmRange(filter[key])),
      describe: (filter) => (filter[key] ? [`${kmWords(filter[key])} ${words}`] : []),
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
        problems.push(`Ignored side=${clip(value)}: use AF or PK.`);
        return { side: null };
      },
      write: (filter, params) => setParam(params, 'side', filter.side),
      describe: (filter) =>
        filter.side ? [filter.side === 'AF' ? 'Afghan side' : 'Pakistani side'] : [],
      match: {
        by: 'row',
        test: (filter, rows) => {
          const side = filter.side === 'AF' ? SIDE_AF : SIDE_PK;
          return borderTest(rows, (row, measures) => measures.side[row] === side);
        },
      },
      example: { side: 'PK' },
    },
    kmRange('borderKm', 'distance', 'distance', 'from the line'),
    kmRange('chainageKm', 'km', 'stretch of the line', 'along the line from the Iran tripoint'),
    {
      name: 'crossing',
      params: ['crossing'],
      empty: { crossing: null },
      isSet: (filter) => filter.crossing !== null,
      parse: (params, problems) => {
        const value = params.get('crossing');
        if (value === null || value === '') return { crossing: null };
        const match = /^([a-z0-9-]+):(\d+(?:\.\d+)?)$/.exec(value);
        if (match) return { crossing: { id: match[1]!, km: Number(match[2]) } };
        problems.push(`Ignored crossing=${clip(value)}: expected crossing-id:km, e.g. torkham:10.`);
        return { crossing: null };
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
        return [`within ${km(within)} km of ${words.crossingName(id) ?? id}`];
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
        const name = words.provinceName(filter.province);
        return [`province: ${name ? `${name} (${filter.province})` : filter.province}`];
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
    },
  ];
}

export const BORDER_DIMENSIONS: readonly FilterDimension[] = borderDimensions();
