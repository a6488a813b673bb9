// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildBorderIndex } from '../border/border-measures';
import { buildCommittedBorderIndex, readDurandLine } from '../border/test-data';
import { FacetBuilder } from '../facet-columns';
import { incidentReader } from '../layouts/layout-registry';
import { loadIncidents, makeFeature } from '../test-factories';
import type { KnownContext, UrlFilter } from './filter-dimension';
import { FILTER_DIMENSIONS } from './filter-dimensions';
import {
  EMPTY_URL_FILTER,
  dimensionsToCheck,
  dropUnknownValues,
  findUnknownValues,
} from './filter-table';
import { allInEnglish, inEnglish } from '../test-words';

const native = incidentReader('native');

/** What the engine knows after loading these features, with this geography (or none). */
function contextOf(features: unknown[], border: KnownContext['border']): KnownContext {
  const incidents = loadIncidents(features);
  const facets = new FacetBuilder(incidents.length, (row) =>
    native.view(incidents[row]!.feature.properties),
  ).finish();
  const typeCodes = [...new Set(incidents.map((incident) => incident.type))];
  return { data: { typeCodes, facets: () => facets }, border };
}

const LOADED = contextOf(
  [
    makeFeature({ type: 'airstrike', actors: ['TTP'], country: ['PK'], source_outlets: ['Dawn'] }),
    makeFeature({ type: 'shelling', actors: ['Afghan Taliban'], country: ['AF'] }),
  ],
  buildCommittedBorderIndex(),
);

/** Data of none of the examples' names, and a line without crossings or provinces. */
const KNOWS_NONE = contextOf(
  [makeFeature({ type: 'other' })],
  buildBorderIndex(readDurandLine().coordinates, []),
);

const filterOf = (filter: Partial<UrlFilter>): UrlFilter => ({ ...EMPTY_URL_FILTER, ...filter });

/** Checks every dimension of `filter` against `context` and drops what names nothing. */
function check(filter: UrlFilter, context: KnownContext) {
  const names = dimensionsToCheck(filter, ['data', 'geography']);
  return dropUnknownValues(filter, findUnknownValues(filter, names, context));
}

describe('Values a permalink names', () => {
  it('are checked for every filter on a list of names, the types, the crossing and the province', () => {
    const checked = FILTER_DIMENSIONS.filter((d) => d.known).map((d) => d.name);
    expect(checked).toEqual(expect.arrayContaining(['types', 'crossing', 'province']));
    for (const dimension of FILTER_DIMENSIONS.filter((d) => d.facet))
      expect(checked, dimension.name).toContain(dimension.name);
  });

  describe.each(FILTER_DIMENSIONS.filter((d) => d.known).map((d) => [d.name, d] as const))(
    '%s',
    (name, dimension) => {
      const example = filterOf(dimension.example);

      it('drops its example’s values when nothing bears them, is then off, and says why', () => {
        const { filter, problems } = check(example, KNOWS_NONE);
        expect(dimension.isSet(filter)).toBe(false);
        expect(problems).toHaveLength(1);
        expect(problems[0]!.key).toBe(`linkProblems:${dimension.params[0]}.unknown`);
        expect(inEnglish(problems[0]!)).toMatch(new RegExp(`^Ignored ${dimension.params[0]}=`));
      });

      it('is not checked before its source is known', () => {
        const context =
          dimension.known!.from === 'data'
            ? { ...KNOWS_NONE, data: null }
            : {
                ...KNOWS_NONE,
                border: null,
              };
        expect(findUnknownValues(example, [name], context)).toEqual([]);
      });
    },
  );

  it('keeps the types the data has and drops the others, naming them', () => {
    const { filter, problems } = check(filterOf({ types: ['airstrike', 'nope', 'zap'] }), LOADED);
    expect(filter.types).toEqual(['airstrike']);
    expect(allInEnglish(problems)).toEqual([
      'Ignored types=nope, zap: no such type in the loaded incidents.',
    ]);
  });

  it('keeps an empty type list, which means no type at all', () => {
    expect(check(filterOf({ types: [] }), LOADED)).toEqual({
      filter: filterOf({ types: [] }),
      problems: [],
    });
  });

  it('turns a list of only unknown names off, so the link shows every incident', () => {
    const { filter, problems } = check(
      filterOf({ actors: ['nobody'], countries: ['ZZ'], sources: ['Dawn'] }),
      LOADED,
    );
    expect(filter).toEqual(filterOf({ sources: ['Dawn'] }));
    expect(allInEnglish(problems)).toEqual([
      'Ignored actor=nobody: no such actor in the loaded incidents.',
      'Ignored country=ZZ: no such country in the loaded incidents.',
    ]);
  });

  it('drops a crossing or a province the map does not have, and keeps those it has', () => {
    const dropped = check(
      filterOf({ crossing: { id: 'nowhere', km: 10 }, province: 'XX-NOPE' }),
      LOADED,
    );
    expect(dropped.filter).toEqual(EMPTY_URL_FILTER);
    expect(allInEnglish(dropped.problems)).toEqual([
      'Ignored crossing=nowhere: no such crossing on the map.',
      'Ignored province=XX-NOPE: no such province on the map (ids such as PK-KP or AF-KNR).',
    ]);
    const known = filterOf({ crossing: { id: 'torkham', km: 10 }, province: 'PK-KP' });
    expect(check(known, LOADED)).toEqual({ filter: known, problems: [] });
  });

  it('are dropped from the filter as it is when the answer comes, keeping later changes', () => {
    const asked = filterOf({ types: ['nope', 'airstrike'] });
    const found = findUnknownValues(asked, ['types'], LOADED);
    const now = filterOf({ types: ['nope', 'airstrike', 'shelling'], side: 'AF' });
    expect(dropUnknownValues(now, found).filter).toEqual(
      filterOf({ types: ['airstrike', 'shelling'], side: 'AF' }),
    );
  });
});
