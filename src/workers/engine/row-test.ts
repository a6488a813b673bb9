/**
 * The filters the index cannot answer (actors, country, fatalities, precision, text and the
 * border filters) as one test of a row, or null when none of them is set.
 */
import type { BorderIndex, BorderMeasures } from '../../domain/border/border-measures';
import { SIDE_AF, SIDE_PK } from '../../domain/border/border-measures';
import { distanceKm as distanceToKm } from '../../domain/border/latitude-scale';
import type { FacetColumns } from '../../domain/facet-columns';
import type { Incident } from '../../domain/incident';
import type { Precision } from '../../domain/incident-facets';
import { PRECISIONS, readSearchText } from '../../domain/incident-facets';
import type { EngineFilter } from '../engine-protocol';

/** What a row test may read. */
export interface RowContext {
  incidents: readonly Incident[];
  /** The facet columns, made on first need (a test that reads none never waits for them). */
  facets: () => FacetColumns;
  measures: BorderMeasures | null;
  border: BorderIndex | null;
}

function hasRowFilters(filter: EngineFilter): boolean {
  return (
    filter.actors !== null ||
    filter.countries !== null ||
    filter.minFatalities !== null ||
    filter.precisions !== null ||
    filter.text.trim() !== '' ||
    filter.side !== null ||
    filter.borderKm !== null ||
    filter.chainageKm !== null ||
    filter.crossing !== null ||
    filter.province !== null
  );
}

/** The test of the filters the index cannot answer, for one row; null when none is set. */
export function makeRowTest(
  filter: EngineFilter,
  context: RowContext,
): ((row: number) => boolean) | null {
  if (!hasRowFilters(filter)) return null;
  const { incidents, measures, border } = context;
  const facets = context.facets();
  const side = filter.side === 'AF' ? SIDE_AF : filter.side === 'PK' ? SIDE_PK : null;
  const crossing = filter.crossing
    ? (border?.crossings.findIndex((c) => c.id === filter.crossing!.id) ?? -1)
    : null;
  const province = filter.province
    ? (border?.provinces.findIndex((p) => p.id === filter.province) ?? -1)
    : null;
  const needsBorder =
    side !== null ||
    filter.borderKm !== null ||
    filter.chainageKm !== null ||
    crossing !== null ||
    province !== null;
  const idsOf = (names: readonly string[] | null, all: string[]) =>
    names === null ? null : new Set(names.map((name) => all.indexOf(name)).filter((id) => id >= 0));
  const actors = idsOf(filter.actors, facets.actorNames);
  const countries = idsOf(filter.countries, facets.countryNames);
  const precisions =
    filter.precisions === null
      ? null
      : new Set(filter.precisions.map((p) => PRECISIONS.indexOf(p as Precision)));
  const minFatalities = filter.minFatalities;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (row: number): boolean => {
    if (needsBorder) {
      // Border filters hold only incidents that could be measured (located, geography loaded).
      if (!measures || Number.isNaN(measures.distanceKm[row]!)) return false;
      if (side !== null && measures.side[row] !== side) return false;
      const km = measures.distanceKm[row]!;
      if (filter.borderKm && (km < filter.borderKm[0] || km > filter.borderKm[1])) return false;
      const along = measures.chainageKm[row]!;
      if (filter.chainageKm && (along < filter.chainageKm[0] || along > filter.chainageKm[1]))
        return false;
      if (crossing !== null) {
        // Within km of that crossing: its distance, not just whether it is the nearest one.
        const c = border!.crossings[crossing];
        if (
          !c ||
          distanceToKm(c.lon, c.lat, incidents[row]!.lon!, incidents[row]!.lat!) >
            filter.crossing!.km
        )
          return false;
      }
      if (province !== null && measures.province[row] !== province) return false;
    }
    if (actors && !facets.actors[row]!.some((id) => actors.has(id))) return false;
    if (countries && !facets.countries[row]!.some((id) => countries.has(id))) return false;
    if (precisions && !precisions.has(facets.precision[row]!)) return false;
    if (minFatalities !== null && !(facets.fatalities[row]! >= minFatalities)) return false;
    if (words.length > 0) {
      const text = readSearchText(incidents[row]!.feature.properties);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  };
}
